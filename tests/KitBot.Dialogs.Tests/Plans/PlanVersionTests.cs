using System.Text.Json.Nodes;
using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Plans;
using KitBot.Dialogs.Tests.Support;
using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Tests.Plans;

/// <summary>
/// Plan versions: a saved edit makes a new dated version with a reason; earlier versions stay readable from the
/// Versions card; "what changed" shows the sentences added and removed per section; history is bounded.
/// </summary>
public sealed class PlanVersionTests
{
    private const string Added = "Discussed with the team manager, who agreed to revisit after the first letter.";

    private static IReadOnlyList<JsonObject> Versions(CardReply card) =>
        [.. card.Data["versions"]!.AsArray().Select(v => v!.AsObject())];

    private static IReadOnlyList<string> Lines(CardReply card) =>
        [.. card.Data["sections"]!.AsArray().SelectMany(s => s!["lines"]!.AsArray().Select(l => s["heading"]!.GetValue<string>() + ": " + l!["text"]!.GetValue<string>()))];

    [Fact]
    public void ADraftedPlan_IsVersion1_DatedAndWithItsReason()
    {
        var t = PlanScenarios.CaseB();
        var plan = t.State.Plans[0];
        var v = Assert.Single(plan.Versions);
        Assert.Equal(1, v.Number);
        Assert.Equal(plan.Created, v.At);
        Assert.Equal("Drafted from the consultation", v.Reason);
        Assert.Equal(plan.Sections.Select(s => s.Id), v.Sections.Select(s => s.Id));
    }

    [Fact]
    public void SavingAnEdit_MakesVersion2_AndVersion1StaysReadable_AndWhatChangedShowsExactlyTheEdit()
    {
        var t = PlanScenarios.CaseB();
        var planId = t.State.Plans[0].Id;
        var original = t.State.Plans[0].Section(PlanSectionIds.Purpose)!.Text;
        t.Advance(TimeSpan.FromDays(30));
        t.SaveSection(PlanSectionIds.Purpose, original + "\n" + Added);

        var plan = t.State.Plans[0];
        Assert.Equal(2, PlanVersions.Current(plan));
        Assert.Equal("Edited Purpose", plan.Versions[^1].Reason);
        Assert.Equal(plan.Updated, plan.Versions[^1].At);

        // Versions, from the plan card.
        t.PlanAction(PlanVerbs.Versions, planId);
        var list = t.ExpectCard(PlanTemplates.Versions);
        Assert.Equal(["Version 2, 2 Apr 2025 (current)", "Version 1, 3 Mar 2025"], Versions(list).Select(v => v["label"]!.GetValue<string>()));
        Assert.Equal(["Edited Purpose", "Drafted from the consultation"], Versions(list).Select(v => v["reason"]!.GetValue<string>()));
        Assert.Equal([true, false], Versions(list).Select(v => v["hasChanges"]!.GetValue<bool>()));

        // The plan as it was on 3 Mar 2025: the original purpose, not the edit.
        t.PlanAction(PlanVerbs.Version, planId, ("version", "1"));
        var old = t.ExpectCard(PlanTemplates.Version);
        Assert.Contains("as it was on 3 Mar 2025", old.Data["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(Lines(old), l => l.Contains(Added, StringComparison.Ordinal));
        Assert.Equal(
            original.Split('\n').Where(l => l.Trim().Length > 0).Select(l => "Purpose: " + l),
            Lines(old).Where(l => l.StartsWith("Purpose: ", StringComparison.Ordinal)));

        // What changed in version 2: exactly the sentence added, nothing removed.
        t.PlanAction(PlanVerbs.Changes, planId, ("version", "2"));
        var changes = t.ExpectCard(PlanTemplates.Version);
        Assert.Equal(["Purpose: Added: " + Added], Lines(changes));
    }

    [Fact]
    public void AVersionNoLongerKept_SaysSo_AndListsThoseThatAre()
    {
        var t = PlanScenarios.CaseA();
        t.PlanAction(PlanVerbs.Version, t.State.Plans[0].Id, ("version", "7"));
        t.ExpectText("no longer kept");
        t.ExpectCard(PlanTemplates.Versions);
    }

    [Fact]
    public void Changes_AreSentencesAddedAndRemoved_PerSection()
    {
        var plan = Plan(("purpose", "One. Two.\nThree."), ("people", "Alpha."));
        var next = PlanVersions.Commit(plan, Sections(("purpose", "One. Two and a half.\nThree.\nFour."), ("people", "Alpha.")), "Review accepted", At(10));

        var change = Assert.Single(PlanVersions.Changes(next, 2)!);
        Assert.Equal("purpose", change.Id);
        Assert.Equal(["Two and a half.", "Four."], change.Added);
        Assert.Equal(["Two."], change.Removed);
        Assert.Null(PlanVersions.Changes(next, 1));
    }

    [Fact]
    public void Commit_OfTheSameText_MakesNoVersion()
    {
        var plan = Plan(("purpose", "One."));
        var same = PlanVersions.Commit(plan, plan.Sections, "Edited Purpose", At(5));
        Assert.Single(same.Versions);
        Assert.Equal(plan.Updated, same.Updated);
    }

    [Fact]
    public void History_IsBounded_AndTheOldestKeptStillReadsWhole()
    {
        var plan = Plan(("purpose", "P0."), ("people", "Q0."));
        for (var i = 1; i <= 30; i++)
        {
            // Only the purpose changes after the draft: the people section lives only in version 1 until it folds.
            plan = PlanVersions.Commit(plan, Sections(("purpose", $"P{i}."), ("people", "Q0.")), $"Edit {i}", At(i));
        }

        Assert.Equal(PlanVersions.MaxKept, plan.Versions.Count);
        Assert.Equal(31, PlanVersions.Current(plan));
        Assert.Equal(12, plan.Versions[0].Number);
        Assert.Null(PlanVersions.TextAt(plan, 11));
        Assert.Equal(["P11.", "Q0."], PlanVersions.TextAt(plan, 12)!.Select(s => s.Text));
        Assert.Equal(["P20.", "Q0."], PlanVersions.TextAt(plan, 21)!.Select(s => s.Text));
        Assert.Null(PlanVersions.Changes(plan, 12));
        // Version n holds P(n-1).
        var change = Assert.Single(PlanVersions.Changes(plan, 13)!);
        Assert.Equal(["P12."], change.Added);
        Assert.Equal(["P11."], change.Removed);
    }

    [Fact]
    public void APlanFromSchema4_ReadsAsOneVersion_AndItsVersionsRoundTrip()
    {
        const string json = """
            {"v":4,"plans":[{"id":"pl-1","title":"Plan","consultation":"c-1","created":"2025-03-03T09:30:00+00:00","updated":"2025-03-04T09:30:00+00:00","sections":[{"id":"purpose","text":"One.","rev":1,"edited":true}]}]}
            """;
        var state = ConversationStateSerializer.Deserialize(json);
        Assert.Equal(5, state.SchemaVersion);
        var plan = state.Plans[0];
        Assert.Empty(plan.Versions);
        var only = Assert.Single(PlanVersions.History(plan));
        Assert.Equal((1, "One."), (only.Number, only.Sections[0].Text));

        var edited = PlanVersions.Commit(plan, [plan.Sections[0] with { Text = "One. Two." }], "Edited Purpose", At(3));
        var stored = ConversationStateSerializer.Serialize(state with { Plans = [edited] });
        Assert.Contains("\"v\":5", stored, StringComparison.Ordinal);
        Assert.Contains("\"versions\":[{\"n\":1,", stored, StringComparison.Ordinal);
        var back = ConversationStateSerializer.Deserialize(stored).Plans[0];
        Assert.Equal(stored, ConversationStateSerializer.Serialize(ConversationStateSerializer.Deserialize(stored)));
        Assert.Equal(["Two."], Assert.Single(PlanVersions.Changes(back, 2)!).Added);
        Assert.Equal("One.", PlanVersions.TextAt(back, 1)![0].Text);
    }

    private static DateTimeOffset At(int day) => new DateTimeOffset(2025, 3, 3, 9, 30, 0, TimeSpan.Zero).AddDays(day);

    private static List<PlanSection> Sections(params (string Id, string Text)[] sections) =>
        [.. sections.Select(s => new PlanSection { Id = s.Id, Text = s.Text })];

    private static PlanState Plan(params (string Id, string Text)[] sections) => PlanVersions.First(
        new PlanState { Id = "pl-1", Title = "Plan", Created = At(0), Updated = At(0), Sections = Sections(sections) },
        "Drafted from the consultation");
}
