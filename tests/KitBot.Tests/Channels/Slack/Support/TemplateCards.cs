using System.Text.Json.Nodes;
using KitBot.Cards;
using KitBot.Cards.Templating;
using KitBot.Channels.Slack;
using KitBot.Dialogs.Menu;
using KitBot.Dialogs.Turns;
using KitBot.Testing;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace KitBot.Tests.Channels.Slack.Support;

/// <summary>
/// Every card template in cards/, expanded by KitBot's template engine: with its sample data from cards/samples/ when
/// there is one (otherwise empty data), and with the data the core really sends (menu, help, choices).
/// </summary>
public static class TemplateCards
{
    public static string Folder => Path.Combine(RepositoryRoot.Path, "cards");

    public static CardRenderer Renderer() => new(
        Options.Create(new CardOptions { Path = Folder }),
        new AdaptiveCardTemplateEngine(),
        new HostingEnvironment { ContentRootPath = RepositoryRoot.Path });

    public static IReadOnlyList<(string Name, JsonObject Card, string Summary)> All()
    {
        var renderer = Renderer();
        var cards = new List<(string, JsonObject, string)>();
        foreach (var template in renderer.Templates.Order(StringComparer.Ordinal))
        {
            var sample = Path.Combine(Folder, "samples", template + ".json");
            var data = File.Exists(sample) ? JsonNode.Parse(File.ReadAllText(sample)) as JsonObject ?? [] : [];
            cards.Add(($"{template} (sample)", renderer.Render(template, data), template));
        }

        foreach (var reply in new[] { MainMenu.Menu(firstTime: true), MainMenu.Menu(firstTime: false), MainMenu.Help() })
        {
            cards.Add(($"{reply.Template} (from the core)", renderer.Render(reply), reply.Summary));
        }

        cards.Add(("choices (from the core)", renderer.Render(KitBot.Cards.ReplyRenderer.ChoicesTemplate, new JsonObject
        {
            ["prompt"] = "Is the child placed for adoption yet?",
            ["choices"] = new JsonArray(
                new JsonObject { ["label"] = "Yes, placed", ["verb"] = "intake.placed" },
                new JsonObject { ["label"] = "Not yet", ["verb"] = "intake.notyet" }),
        }), "Is the child placed for adoption yet?"));
        return cards;
    }

    /// <summary>Replies the core sends, for payloads that are not cards.</summary>
    public static IReadOnlyList<Reply> TextReplies() =>
    [
        new TextReply("Sorry, I did not understand that. Here is what I can help with."),
        new TextReply(string.Join("\n\n", Enumerable.Range(1, 30).Select(i => $"Section {i}: the plan & its <review> dates. " + new string('z', 150)))),
    ];
}
