using static KitBot.Dialogs.Tests.Support.CardJson;
using System.Text.Json;
using System.Text.Json.Nodes;
using KitBot.Dialogs.Menu;
using KitBot.Dialogs.Plans;
using KitBot.Dialogs.Tests.Support;
using KitBot.Dialogs.Turns;
using KitBot.Testing;

namespace KitBot.Dialogs.Tests.Plans;

/// <summary>
/// The plan's cards against the templates in cards/: labelled inputs, actions that name their verb and plan, sample
/// data covering everything the core sends, and every card (the three cases, the largest plan, non-Latin text, no
/// people, My plans) expanded by the reference templating engine into a valid Adaptive Card 1.5 that fits a Teams
/// message, measured as the channel sends it (non-ASCII characters escaped).
/// </summary>
public sealed class PlanCardTests
{
    // Teams' older limit is 28 KB for the whole activity; the card may take 24 KB, leaving room for the envelope.
    private const int CardLimit = 24 * 1024;

    private static readonly Lazy<IReadOnlyList<CardReply>> AllCards = new(EveryPlanCard);

    public static TheoryData<string> Templates() => [.. PlanTemplates.All];

    /// <summary>Cards of every kind the plans feature sends, in varied forms.</summary>
    internal static IReadOnlyList<CardReply> EveryPlanCard()
    {
        var cards = new List<CardReply>();
        foreach (var t in new[] { PlanScenarios.CaseA(), PlanScenarios.CaseB(), PlanScenarios.CaseC(), PlanScenarios.Largest(), PlanScenarios.NonLatin() })
        {
            cards.AddRange(t.PlanCards());
        }

        var edits = PlanScenarios.CaseB();
        var purpose = edits.State.Plans[0].Section(PlanSectionIds.Purpose)!;
        edits.SaveSection(PlanSectionIds.Purpose, purpose.Text + "\nDiscussed with the team manager.");
        cards.AddRange(edits.PlanCards());
        edits.SaveSection(PlanSectionIds.Purpose, purpose.Text + "\nAsk Sarah Jones about the letterbox.");
        cards.AddRange(edits.PlanCards());
        var planId = edits.State.Plans[0].Id;
        edits.PlanAction(PlanVerbs.Versions, planId);
        cards.Add(edits.ExpectCard(PlanTemplates.Versions));
        edits.PlanAction(PlanVerbs.Version, planId, ("version", "1"));
        cards.Add(edits.ExpectCard(PlanTemplates.Version));
        edits.PlanAction(PlanVerbs.Changes, planId, ("version", "2"));
        cards.Add(edits.ExpectCard(PlanTemplates.Version));
        edits.PlanAction(PlanVerbs.Changes, planId, ("version", "1"));
        cards.Add(edits.ExpectCard(PlanTemplates.Version));
        edits.Menu(MenuVerbs.Plans);
        cards.Add(edits.ExpectCard(PlanTemplates.List));
        edits.Click(PlanVerbs.Delete, new Dictionary<string, string> { ["plan"] = edits.State.Plans[0].Id });
        cards.Add(edits.ExpectCard(PlanTemplates.Delete));
        edits.Click(PlanVerbs.DeleteConfirmed, new Dictionary<string, string> { ["plan"] = edits.State.Plans[0].Id });
        cards.Add(edits.ExpectCard(PlanTemplates.List));

        var none = PlanState(PlanScenarios.NoPeople());
        cards.AddRange(KitBot.Dialogs.Plans.PlanCards.Plan(edits.Content, none));
        return cards;
    }

    internal static PlanState PlanState(KitBot.Dialogs.Consultation.ConsultationState c) => new()
    {
        Id = "pl-none",
        Title = PlanDrafter.Title(KitBot.Dialogs.Content.PracticeContent.Default, c, "Europe/London"),
        ConsultationId = c.Id,
        Created = c.Completed!.Value,
        Updated = c.Completed.Value,
        Sections = PlanDrafter.Draft(KitBot.Dialogs.Content.PracticeContent.Default, c),
    };

    [SkippableTheory]
    [MemberData(nameof(Templates))]
    public void Template_IsAdaptiveCard15_WithLabelledInputs_AndActionsThatNameTheirVerbAndPlan(string template)
    {
        var card = JsonNode.Parse(File.ReadAllText(TemplatePath(template)))!.AsObject();
        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        foreach (var input in Descendants(card).Where(o => o["type"]?.GetValue<string>().StartsWith("Input.", StringComparison.Ordinal) == true))
        {
            Assert.False(string.IsNullOrWhiteSpace(input["label"]?.GetValue<string>()), $"{template}: an input has no label: {input.ToJsonString()}");
        }

        foreach (var action in Descendants(card).Where(o => o["type"]?.GetValue<string>() == "Action.Submit"))
        {
            var verb = action["data"]!["verb"]!.GetValue<string>();
            // Plan actions belong to no dialog step: they name their plan instead (menu actions need nothing).
            Assert.True(verb.StartsWith("menu.", StringComparison.Ordinal) || verb == "review.list" || action["data"]!["plan"] is not null, $"{template}: {verb} names no plan");
            Assert.Null(action["data"]!["cid"]);
        }
    }

    [SkippableFact]
    public void EveryTemplateThePlansFeatureUses_IsSent_AndExists()
    {
        var sent = AllCards.Value.Select(c => c.Template).Distinct().Append(PlanTemplates.Download);
        Assert.Equal(PlanTemplates.All.Order(), sent.Order());
        Assert.All(PlanTemplates.All, t => Assert.True(File.Exists(TemplatePath(t)), $"cards/{t}.json is missing"));
    }

    [SkippableTheory]
    [MemberData(nameof(Templates))]
    public void Template_HasSamples_CoveringEverythingTheCoreSends(string template)
    {
        var samples = Samples(template);
        Assert.NotEmpty(samples);
        var covered = samples.SelectMany(s => Paths(s.Data)).ToHashSet(StringComparer.Ordinal);
        foreach (var card in AllCards.Value.Where(c => c.Template == template))
        {
            foreach (var key in Paths(card.Data))
            {
                Assert.True(covered.Contains(key), $"no sample in cards/samples/{template}*.json has '{key}', which the core sends");
            }
        }
    }

    [SkippableFact]
    public void SectionsTemplate_HasSamples_ForTheEdgeCases()
    {
        var names = Samples(PlanTemplates.Sections).Select(s => s.Name).ToList();
        foreach (var edge in new[] { "plan-sections.json", "plan-sections.no-people.json", "plan-sections.largest.json", "plan-sections.non-latin.json", "plan-sections.privacy.json" })
        {
            Assert.Contains(edge, names);
        }

        Assert.Contains("plans-list.empty.json", Samples(PlanTemplates.List).Select(s => s.Name));
    }

    [SkippableFact]
    public async Task EveryPlanCard_AndEverySample_ExpandsAndValidates_AndFitsATeamsMessage()
    {
        await NodeTools.RequireAsync();

        var inputs = AllCards.Value.Select((card, i) => ($"{i}:{card.Template}", card.Template, card.Data))
            .Concat(PlanTemplates.All.SelectMany(t => Samples(t).Select(s => ($"sample {s.Name}", t, s.Data))))
            .ToList();
        var lines = inputs.Select(x => new JsonObject
        {
            ["name"] = x.Item1,
            ["template"] = JsonNode.Parse(File.ReadAllText(TemplatePath(x.Item2))),
            ["data"] = x.Item3.DeepClone(),
            ["show"] = true,
        }.ToJsonString());
        var (code, output) = await NodeTools.NodeAsync("dialog-cards.js", string.Join('\n', lines), TimeSpan.FromMinutes(3));
        Assert.True(code == 0, output);

        var results = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(inputs.Count, results.Count);
        Assert.All(results, r =>
        {
            var problems = r["problems"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
            Assert.True(problems.Count == 0, $"{r["name"]}: {string.Join("; ", problems)}");
            // Measured as the host serialises it (System.Text.Json escapes every non-ASCII character).
            var bytes = JsonSerializer.SerializeToUtf8Bytes(r["card"], new JsonSerializerOptions(JsonSerializerDefaults.Web)).Length;
            Assert.True(bytes < CardLimit, $"{r["name"]} expands to {bytes} bytes");
        });
    }

    /// <summary>Writes the plan samples in cards/samples when KITBOT_WRITE_CARD_SAMPLES=1 (a tool, not a check).</summary>
    [SkippableFact]
    public void WriteSamples_WhenAsked()
    {
        if (Environment.GetEnvironmentVariable("KITBOT_WRITE_CARD_SAMPLES") != "1")
        {
            return;
        }

        void Write(string name, JsonObject data)
        {
            var json = data.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            File.WriteAllText(Path.Combine(RepositoryFolder.CardSamples, name + ".json"), json.Replace("\r\n", "\n") + "\n");
        }

        var b = PlanScenarios.CaseB();
        Write("plan-sections", b.PlanCards()[^1].Data);
        Write("plan-sections.largest", PlanScenarios.Largest().PlanCards().MaxBy(c => c.Data.ToJsonString().Length)!.Data);
        Write("plan-sections.non-latin", PlanScenarios.NonLatin().PlanCards().MaxBy(c => c.Data.ToJsonString().Length)!.Data);
        Write("plan-sections.no-people", KitBot.Dialogs.Plans.PlanCards.Plan(b.Content, PlanState(PlanScenarios.NoPeople()))[0].Data);
        var purpose = b.State.Plans[0].Section(PlanSectionIds.Purpose)!;
        b.SaveSection(PlanSectionIds.Purpose, purpose.Text + "\nDiscussed with the team manager.");
        b.SaveSection(PlanSectionIds.Purpose, purpose.Text + "\nDiscussed with the team manager.\nAsk Sarah Jones about the letterbox.");
        Write("plan-sections.privacy", b.PlanCards()[0].Data);
        var id = b.State.Plans[0].Id;
        b.PlanAction(PlanVerbs.Versions, id);
        Write("plan-versions", b.ExpectCard(PlanTemplates.Versions).Data);
        b.PlanAction(PlanVerbs.Version, id, ("version", "1"));
        Write("plan-version", b.ExpectCard(PlanTemplates.Version).Data);
        b.PlanAction(PlanVerbs.Changes, id, ("version", "2"));
        Write("plan-version.changes", b.ExpectCard(PlanTemplates.Version).Data);
        b.PlanAction(PlanVerbs.Changes, id, ("version", "1"));
        Write("plan-version.oldest", b.ExpectCard(PlanTemplates.Version).Data);
        b.Menu(MenuVerbs.Plans);
        Write("plans-list", b.ExpectCard(PlanTemplates.List).Data);
        b.Click(PlanVerbs.Delete, new Dictionary<string, string> { ["plan"] = b.State.Plans[0].Id });
        Write("plan-delete", b.ExpectCard(PlanTemplates.Delete).Data);
        b.Click(PlanVerbs.DeleteConfirmed, new Dictionary<string, string> { ["plan"] = b.State.Plans[0].Id });
        Write("plans-list.empty", b.ExpectCard(PlanTemplates.List).Data);
    }

    private static string TemplatePath(string template) => Path.Combine(RepositoryFolder.Cards, template + ".json");

    // cards/README.md: samples are TEMPLATE.json, or TEMPLATE.CASE.json for more cases.
    private static List<(string Name, JsonObject Data)> Samples(string template) =>
        Directory.EnumerateFiles(RepositoryFolder.CardSamples, template + "*.json")
            .Where(f => Path.GetFileName(f) == template + ".json" || Path.GetFileName(f).StartsWith(template + ".", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), JsonNode.Parse(File.ReadAllText(f))!.AsObject()))
            .ToList();
}
