using KitBot.Dialogs.Content;
using KitBot.Dialogs.Menu;
using KitBot.Dialogs.Plans;
using KitBot.Dialogs.Tests.Consultation;
using KitBot.Dialogs.Tests.Support;
using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Tests.Plans;

/// <summary>My plans: the practitioner's plans newest first, opened, and deleted only after a confirmation.</summary>
public sealed class MyPlansTests
{
    private static IReadOnlyList<string> Titles(CardReply list) =>
        list.Data["plans"]!.AsArray().Select(p => p!["title"]!.GetValue<string>()).ToList();

    [Fact]
    public void APlanNamedByThePractitioner_IsShownByThatName_InMyPlans()
    {
        var t = new Transcript().StartConsultation();
        t.Submit(("ageBand", "5-10"), ("journey", "placed"), ("wishes", "said"), ("planName", "Case ref 4521"));
        t.ListPeople(("birth-mother", "Birth mother")).AnswerFactors(new A("person-risk", "no")).AnswerFactors().Finish();
        var other = ConsultationCaseTests.CaseA(t).Finish();

        var list = t.Menu(MenuVerbs.Plans).ExpectCard(PlanTemplates.List);
        Assert.Equal(["Plan for a child aged 2 to 4, started 3 Mar 2025", "Case ref 4521: plan for a child aged 5 to 10, started 3 Mar 2025"], Titles(list));
    }

    [Fact]
    public void APlanName_ThatLooksLikeAPersonsDetails_IsCaught_AndTheCardComesBackAsTyped()
    {
        var t = new Transcript().StartConsultation();
        t.Submit(("ageBand", "5-10"), ("journey", "placed"), ("wishes", "said"), ("planName", "jane.smith@example.org"), ("childNote", "Loves drawing"));

        t.ExpectText("email").ExpectCard(KitBot.Dialogs.Consultation.ConsultationTemplates.Child);
        Assert.Equal("jane.smith@example.org", t.LastCard.Data["planName"]!.GetValue<string>());
        Assert.Equal("Loves drawing", t.LastCard.Data["note"]!.GetValue<string>());
        Assert.Equal("5-10", t.LastCard.Data["ageBand"]!.GetValue<string>());
        Assert.Null(t.State.Consultation!.Child);
    }

    [Fact]
    public void MyPlans_WithNone_SaysHowToMakeOne()
    {
        var t = new Transcript();
        var list = t.Menu(MenuVerbs.Plans).ExpectCard(PlanTemplates.List);
        Assert.False(list.Data["hasPlans"]!.GetValue<bool>());
        Assert.Contains("Finish a consultation", list.Data["empty"]!.GetValue<string>());
        Assert.Empty(Titles(list));
    }

    [Fact]
    public void MyPlans_ListsEveryPlan_NewestFirst_AndOpensOne()
    {
        var t = PlanScenarios.CaseA();
        ConsultationCaseTests.CaseC(t).Finish();
        var newest = t.State.Plans[0];
        var oldest = t.State.Plans[1];
        Assert.Equal("Plan for a child aged 14 to 15, started 3 Mar 2025", newest.Title);

        var list = t.Menu(MenuVerbs.Plans).ExpectCard(PlanTemplates.List);
        Assert.Equal([newest.Title, oldest.Title], Titles(list));
        Assert.Equal("Last changed 3 Mar 2025", list.Data["plans"]![0]!["updated"]!.GetValue<string>());

        t.PlanAction(PlanVerbs.Open, oldest.Id);
        Assert.Equal(oldest.Id, t.PlanCards()[0].Data["plan"]!.GetValue<string>());
        Assert.Equal(oldest.Sections.ToDictionary(s => s.Id, s => s.Text), t.SectionTexts());
    }

    [Fact]
    public void Delete_AsksFirst_ThenDeletesOnce()
    {
        var t = PlanScenarios.CaseA();
        ConsultationCaseTests.CaseB(t).Finish();
        var doomed = t.State.Plans[1];
        var before = t.StateJson;

        var confirm = t.Menu(MenuVerbs.Plans).PlanAction(PlanVerbs.Delete, doomed.Id).ExpectCard(PlanTemplates.Delete);
        Assert.Contains(doomed.Title, confirm.Data["prompt"]!.GetValue<string>());
        Assert.Equal(doomed.Id, confirm.Data["plan"]!.GetValue<string>());
        StateAssert.Unchanged(before, t);

        t.PlanAction(PlanVerbs.DeleteConfirmed, doomed.Id);
        t.ExpectText($"I have deleted {doomed.Title}.");
        Assert.DoesNotContain(t.State.Plans, p => p.Id == doomed.Id);
        Assert.Single(t.State.Plans);
        Assert.DoesNotContain(doomed.Title, Titles(t.ExpectCard(PlanTemplates.List)));

        // A second click on "Yes, delete it" finds nothing to delete.
        var after = t.StateJson;
        t.PlanAction(PlanVerbs.DeleteConfirmed, doomed.Id).ExpectText("already been deleted");
        StateAssert.Unchanged(after, t);
        Assert.Single(t.State.Plans);
    }

    [Fact]
    public void Delete_ThenNo_KeepsThePlan()
    {
        var t = PlanScenarios.CaseA();
        var before = t.StateJson;
        t.PlanAction(PlanVerbs.Delete, t.State.Plans[0].Id).ExpectCard(PlanTemplates.Delete);
        // "No, keep it" goes back to My plans.
        t.Menu(MenuVerbs.Plans).ExpectCard(PlanTemplates.List);
        StateAssert.Unchanged(before, t);
    }

    [Fact]
    public void MyPlans_DuringAConsultation_LeavesItResumable()
    {
        var t = PlanScenarios.CaseA();
        t.StartConsultation().AnswerChild("5-10", "placed", "said");
        var before = t.StateJson;

        t.Menu(MenuVerbs.Plans).ExpectCard(PlanTemplates.List);

        StateAssert.Unchanged(before, t);
        Assert.Equal("people", t.State.Dialog!.Step);
    }

    [Fact]
    public void FinishingBeyondTheLimit_RemovesTheOldestPlan_AndSaysSo()
    {
        var folder = Directory.CreateTempSubdirectory("kitbot-plan-limit-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "plan.json"), """{ "maxPlans": 2 }""");
            var t = new Transcript(PracticeContent.Load(folder));
            ConsultationCaseTests.CaseA(t).Finish();
            var first = t.State.Plans[0];
            ConsultationCaseTests.CaseB(t).Finish();
            ConsultationCaseTests.CaseC(t).Finish();

            t.ExpectText($"You can keep up to 2 plans, so I have removed the oldest, {first.Title}.");
            Assert.Equal(2, t.State.Plans.Count);
            Assert.DoesNotContain(t.State.Plans, p => p.Id == first.Id);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
