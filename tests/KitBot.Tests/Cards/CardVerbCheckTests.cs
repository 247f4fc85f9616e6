using KitBot.Cards;
using KitBot.Testing;
using KitBot.Tests.Support;
using KitBot.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace KitBot.Tests.Cards;

/// <summary>No card in <c>cards/</c> carries a button nobody answers, and the host will not start with one that does.</summary>
public sealed class CardVerbCheckTests
{
    [Fact]
    public void EveryVerbWrittenInTheCardTemplates_HasAHandler()
    {
        using var host = new KitBotFactory();
        var verbs = host.Services.GetRequiredService<TurnProcessor>().Verbs;
        var templates = host.Services.GetRequiredService<CardRenderer>().Sources.ToList();

        Assert.Equal(Directory.GetFiles(CardSamples.CardsFolder, "*.json").Length, templates.Count);
        Assert.Contains(CardVerbCheck.LiteralVerbs(templates), t => t.Template == "review-setup");
        Assert.Empty(CardVerbCheck.Unanswered(templates, verbs));
    }

    [Fact]
    public async Task HostStart_WithATemplateCarryingAVerbNobodyAnswers_IsRefused_NamingTemplateAndVerb()
    {
        var folder = Directory.CreateTempSubdirectory("kitbot-cards-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(CardSamples.CardsFolder, "*.json"))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            await File.WriteAllTextAsync(Path.Combine(folder, "orphan.json"), """
                {
                  "type": "AdaptiveCard", "version": "1.5",
                  "body": [{ "type": "TextBlock", "text": "A card with a dead button", "wrap": true }],
                  "actions": [{ "type": "Action.Submit", "title": "Press me", "data": { "verb": "made.up" } }]
                }
                """);

            var refused = await Assert.ThrowsAnyAsync<InvalidOperationException>(() =>
                KitBotServer.StartAsync(settings: [$"Cards:Path={folder}", "Reminders:Hangfire:Server=false"]));

            Assert.Contains("template 'orphan', verb 'made.up'", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
