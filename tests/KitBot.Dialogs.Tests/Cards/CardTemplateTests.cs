using static KitBot.Dialogs.Tests.Support.CardJson;
using System.Text.Json;
using System.Text.Json.Nodes;
using KitBot.Dialogs.Consultation;
using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Menu;
using KitBot.Dialogs.Roles;
using KitBot.Dialogs.Tests.Support;
using KitBot.Testing;
using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Tests.Cards;

/// <summary>
/// The dialogs' cards against the templates in the repository's cards/ folder: every template they name exists,
/// has sample data covering what they send, stamps its step actions, labels its inputs, and expands (with the
/// reference templating engine) to a valid Adaptive Card 1.5 for every card the transcripts produce.
/// </summary>
public sealed class CardTemplateTests
{
    private static readonly Lazy<IReadOnlyList<CardReply>> AllCards = new(Scenarios.EveryCard);

    /// <summary>The templates this feature owns (the menu's templates belong to the skeleton).</summary>
    private static readonly string[] Templates = [.. ConsultationTemplates.All, .. RoleGuidanceTemplates.All, StepCards.ConfirmTemplate];

    public static TheoryData<string> DialogTemplates() => [.. Templates];

    [Fact]
    public void EveryTemplateTheDialogsSend_ExistsInTheCardsFolder()
    {
        var named = AllCards.Value.Select(c => c.Template)
            .Concat(ConsultationTemplates.All).Concat(RoleGuidanceTemplates.All)
            .Append(StepCards.ConfirmTemplate).Append(MainMenu.WelcomeTemplate).Append(MainMenu.HelpTemplate)
            .Distinct();
        Assert.All(named, template => Assert.True(File.Exists(TemplatePath(template)), $"cards/{template}.json is missing"));
    }

    [Fact]
    public void TheTranscripts_SendEveryDialogTemplate()
    {
        Assert.Equal(
            Templates.Order(),
            AllCards.Value.Select(c => c.Template).Where(t => t is not "welcome" and not "help").Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(DialogTemplates))]
    public void Template_IsAdaptiveCard15_WithLabelledInputs_AndStampedStepActions(string template)
    {
        var card = JsonNode.Parse(File.ReadAllText(TemplatePath(template)))!.AsObject();
        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Equal("1.5", card["version"]!.GetValue<string>());

        foreach (var input in Descendants(card).Where(o => o["type"]?.GetValue<string>().StartsWith("Input.", StringComparison.Ordinal) == true))
        {
            Assert.False(string.IsNullOrWhiteSpace(input["label"]?.GetValue<string>()), $"{template}: an input has no label: {input.ToJsonString()}");
            if (input["isRequired"]?.GetValue<bool>() == true)
            {
                Assert.NotNull(input["errorMessage"]);
            }
        }

        foreach (var action in Descendants(card).Where(o => o["type"]?.GetValue<string>() == "Action.Submit"))
        {
            var data = action["data"]!.AsObject();
            Assert.NotNull(data["verb"]);
            if (!data["verb"]!.GetValue<string>().StartsWith("menu.", StringComparison.Ordinal))
            {
                Assert.Equal("${$root.cid}", data["cid"]?.GetValue<string>());
                Assert.Equal("${$root.step}", data["step"]?.GetValue<string>());
            }
        }
    }

    [Theory]
    [MemberData(nameof(DialogTemplates))]
    public void Template_HasSampleData_CoveringEverythingTheDialogsSend(string template)
    {
        var path = Path.Combine(RepositoryFolder.CardSamples, template + ".json");
        Assert.True(File.Exists(path), $"cards/samples/{template}.json is missing");
        var sample = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        foreach (var card in AllCards.Value.Where(c => c.Template == template))
        {
            foreach (var key in Paths(card.Data))
            {
                Assert.True(Paths(sample).Contains(key), $"cards/samples/{template}.json lacks '{key}', which the dialogs send");
            }
        }
    }

    [SkippableFact]
    public async Task EveryCardTheDialogsSend_ExpandsAndValidates_WithTheReferenceLibraries()
    {
        await NodeTools.RequireAsync();

        var lines = AllCards.Value.Select((card, i) => new JsonObject
        {
            ["name"] = $"{i}:{card.Template}",
            ["template"] = JsonNode.Parse(File.ReadAllText(TemplatePath(card.Template))),
            ["data"] = card.Data.DeepClone(),
        }.ToJsonString());
        var (code, output) = await NodeTools.NodeAsync("dialog-cards.js", string.Join('\n', lines), TimeSpan.FromMinutes(2));
        Assert.True(code == 0, output);

        var results = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(AllCards.Value.Count, results.Count);
        Assert.All(results, r =>
        {
            var problems = r["problems"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
            Assert.True(problems.Count == 0, $"{r["name"]}: {string.Join("; ", problems)}");
            // Teams' older limit is 28 KB for the whole activity: leave room for the envelope.
            Assert.True(r["bytes"]!.GetValue<int>() < 24 * 1024, $"{r["name"]} expands to {r["bytes"]} bytes");
        });
    }

    /// <summary>Writes cards/samples from the transcripts when KITBOT_WRITE_CARD_SAMPLES=1 (a tool, not a check).</summary>
    [Fact]
    public void WriteSamples_WhenAsked()
    {
        if (Environment.GetEnvironmentVariable("KITBOT_WRITE_CARD_SAMPLES") != "1")
        {
            return;
        }

        Directory.CreateDirectory(RepositoryFolder.CardSamples);
        foreach (var group in Scenarios.Realistic().GroupBy(c => c.Template).Where(g => g.Key is not "welcome" and not "help"))
        {
            // The sample with the most to bind: the largest card of its kind.
            var data = group.OrderByDescending(c => Paths(c.Data).Count).ThenByDescending(c => c.Data.ToJsonString().Length).First().Data;
            var json = data.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            File.WriteAllText(Path.Combine(RepositoryFolder.CardSamples, group.Key + ".json"), json.Replace("\r\n", "\n") + "\n");
        }
    }

    private static string TemplatePath(string template) => Path.Combine(RepositoryFolder.Cards, template + ".json");
}
