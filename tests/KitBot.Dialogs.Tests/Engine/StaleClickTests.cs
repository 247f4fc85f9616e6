using KitBot.Dialogs.Consultation;
using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Menu;
using KitBot.Dialogs.Roles;
using KitBot.Dialogs.Tests.Consultation;
using KitBot.Dialogs.Tests.Support;

namespace KitBot.Dialogs.Tests.Engine;

/// <summary>A click on a card from an earlier step is recognised, answered kindly, and never applied (twice or at all).</summary>
public sealed class StaleClickTests
{
    [Fact]
    public void DoubleClickOnNext_TheSecondIsStale_AndNothingIsAppliedTwice()
    {
        var t = new Transcript().StartConsultation().AnswerChild("2-4", "placed", "shown");
        var people = t.LastCard;
        t.Submit(people, ("rel0", "birth-mother")).ExpectCard(ConsultationTemplates.Factors);
        var before = t.StateJson;

        t.Submit(people, ("rel0", "birth-father"), ("rel1", "grandparent"));
        t.ExpectText("earlier step").ExpectNoCard();
        StateAssert.Unchanged(before, t);
        Assert.Equal(["birth-mother"], t.State.Consultation!.People.Select(p => p.Relationship));
    }

    [Fact]
    public void ClickOnACardFromBeforeGoingBack_IsStale()
    {
        var t = GlobalCommandTests.At("person-1");
        var sister = t.LastCard;
        t.Send("back").ExpectCard(ConsultationTemplates.Factors);
        var before = t.StateJson;
        t.Submit(sister, ("f.person-risk", "yes")).ExpectText("earlier step");
        StateAssert.Unchanged(before, t);
    }

    [Fact]
    public void ClickOnACardFromAnEarlierConsultation_IsStale()
    {
        var t = GlobalCommandTests.At("people");
        var old = t.LastCard;
        t.Send("start over");
        t.Click(DialogVerbs.Restart).ExpectCard(ConsultationTemplates.Child);
        var before = t.StateJson;
        t.Submit(old, ("rel0", "birth-mother")).ExpectText("earlier step");
        StateAssert.Unchanged(before, t);
        Assert.Empty(t.State.Consultation!.People);
    }

    [Fact]
    public void StartOverConfirmedTwice_RestartsOnce()
    {
        var t = GlobalCommandTests.At("adopters");
        var confirm = t.Send("start over").ExpectCard(StepCards.ConfirmTemplate);
        t.Click(DialogVerbs.Restart, card: confirm).ExpectCard(ConsultationTemplates.Child);
        var before = t.StateJson;
        t.Click(DialogVerbs.Restart, card: confirm).ExpectText("earlier step").ExpectNoCard();
        StateAssert.Unchanged(before, t);
    }

    [Fact]
    public void FinishClickedTwice_FinishesOnce()
    {
        var t = ConsultationCaseTests.CaseA();
        var summary = t.LastCard;
        t.Submit(summary).ExpectCard(ConsultationTemplates.Plan);
        t.Submit();
        t.Submit();
        var last = t.LastCard;
        t.Submit(last).ExpectText("finished");
        var before = t.StateJson;
        t.Submit(last).ExpectText("earlier step");
        t.Submit(summary).ExpectText("earlier step");
        StateAssert.Unchanged(before, t);
    }

    [Fact]
    public void ClickOnARoleGuidanceCardAfterCancel_IsStale()
    {
        var t = new Transcript();
        var pick = t.Menu(MenuVerbs.Roles).ExpectCard(RoleGuidanceTemplates.Pick);
        t.Send("cancel");
        var before = t.StateJson;
        t.Submit(pick, ("role", "iro"), ("stage", "placed")).ExpectText("earlier step");
        StateAssert.Unchanged(before, t);
    }

    [Fact]
    public void StepVerbWithoutACardId_IsNotApplied()
    {
        // Only cards KitBot sent (carrying the consultation id and step) can answer a step.
        var t = GlobalCommandTests.At("child");
        t.Click(ConsultationVerbs.Child, new Dictionary<string, string> { ["ageBand"] = "2-4", ["journey"] = "placed", ["wishes"] = "said" },
            t.LastCard with { Data = new System.Text.Json.Nodes.JsonObject() });
        Assert.Null(t.State.Consultation!.Child);
        t.ExpectCard(ConsultationTemplates.Child);
    }

    [Fact]
    public void MenuButtons_WorkFromAnyCard()
    {
        var t = GlobalCommandTests.At("person-0");
        t.Menu(MenuVerbs.Help).ExpectCard(MainMenu.HelpTemplate);
        t.Menu(MenuVerbs.Show).ExpectCard(MainMenu.WelcomeTemplate);
        Assert.Equal("person-0", t.State.Dialog!.Step);
    }
}
