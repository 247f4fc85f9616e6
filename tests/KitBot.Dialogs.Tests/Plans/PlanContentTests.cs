using KitBot.Dialogs.Content;
using KitBot.Dialogs.Plans;
using KitBot.Dialogs.Tests.Support;

namespace KitBot.Dialogs.Tests.Plans;

/// <summary>plan.json is loaded and validated like every content file, and a local authority can override it.</summary>
public sealed class PlanContentTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kitbot-plan-content-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void TheBuiltInPlanContent_IsValid_AndCoversEveryJourneyStage()
    {
        var content = PracticeContent.Default;
        Assert.Contains("plan.json", PracticeContent.FileNames);
        Assert.Equal(PlanSectionIds.All, content.Plan.Sections.Select(s => s.Id));
        Assert.All(content.Consultation.JourneyStages, j => Assert.True(content.Plan.ReviewByJourney.ContainsKey(j.Id)));
    }

    [Fact]
    public void AnOverride_ChangesThePlansWording_AndTermsApply()
    {
        File.WriteAllText(Path.Combine(_folder, "plan.json"), """
            // Our own words.
            { "sections": [ { "id": "purpose", "heading": "Why keep in touch" } ], "messages": { "kit.fieldsToAgree": "To agree with {{letterboxService}}: {fields}." } }
            """);
        var t = new Transcript(PracticeContent.Load(_folder));
        Consultation.ConsultationCaseTests.CaseA(t).Finish();
        // The birth mother's card was submitted as pre-filled: the letterbox, how often and who organises are agreed.

        var cards = t.PlanCards();
        Assert.Equal("Why keep in touch", PlanScenarios.Item(cards[0], PlanSectionIds.Purpose)!["heading"]!.GetValue<string>());
        Assert.Contains("To agree with the agency's letterbox service: who is present, how long and where.", t.State.Plans[0].Section(PlanSectionIds.KeepingInTouch)!.Text);
    }

    [Theory]
    [InlineData("""{ "messages": { "plan.saved": "" } }""", "'plan.saved' is missing or empty")]
    [InlineData("""{ "sections": [ { "id": "venues", "heading": "Venues", "intro": "Where." } ] }""", "'sections' must have exactly the ids")]
    [InlineData("""{ "supportGroups": [ { "id": "child", "advice": [ "hugs" ] } ] }""", "names the advice 'hugs'")]
    [InlineData("""{ "supportGroups": [ { "id": "child", "advice": [ "mediation" ] } ] }""", "'supportGroups advice' has the id 'mediation' more than once")]
    [InlineData("""{ "reviewAdvice": [ "reviw-triggers" ] }""", "reviw-triggers")]
    [InlineData("""{ "reviewByJourney": { "placed": "" } }""", "no text for the journey stage 'placed'")]
    [InlineData("""{ "reviewByJourney": { "on-the-moon": "Never." } }""", "'on-the-moon'")]
    [InlineData("""{ "arrangements": [ { "id": "form", "text": "" } ] }""", "'arrangements' has an item ('form') with a blank id or text")]
    [InlineData("""{ "maxPlans": 0 }""", "'maxPlans'")]
    [InlineData("""{ "title": "A plan" }""", "{age}")]
    [InlineData("""{ "colour": "blue" }""", "'colour'")]
    public void ABrokenPlanOverride_FailsNamingTheFileAndTheProblem(string json, string problem)
    {
        File.WriteAllText(Path.Combine(_folder, "plan.json"), json);
        var e = Assert.Throws<PracticeContentException>(() => PracticeContent.Load(_folder));
        Assert.Equal("plan.json", e.File);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }
}
