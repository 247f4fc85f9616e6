using KitBot.Dialogs.Consultation;
using KitBot.Dialogs.Content;
using KitBot.Dialogs.Tests.Plans;
using KitBot.Dialogs.Tests.Support;

namespace KitBot.Dialogs.Tests.Consultation;

/// <summary>
/// The provisional plan step after the summary (planning steps 4 to 6): one card per person, pre-filled from the
/// suggestions with their reasons, every field editable, and what is left empty to be agreed.
/// </summary>
public sealed class PlanStepTests
{
    private static readonly PracticeContent Content = PracticeContent.Default;

    private static string Field(Turns.CardReply card, string id) =>
        card.Data["fields"]!.AsArray().Concat(card.Data["moreFields"]!.AsArray()).Single(f => f!["id"]!.GetValue<string>() == id)!["value"]!.GetValue<string>();

    [Fact]
    public void PlanCard_IsPrefilledFromTheSuggestions_WithTheReasonsShown()
    {
        var t = ConsultationCaseTests.CaseB();
        t.Submit();
        var card = t.ExpectCard(ConsultationTemplates.Plan);

        Assert.Equal("Birth father", card.Data["title"]!.GetValue<string>());
        Assert.Equal("letterbox", card.Data["forms"]!.GetValue<string>());
        Assert.Equal("once or twice a year", Field(card, "kitFrequency"));
        Assert.Equal("the agency's letterbox service", Field(card, "kitOrganiser"));
        Assert.Equal(string.Empty, Field(card, "kitVenue"));
        Assert.False(card.Data["hasReview"]!.GetValue<bool>());

        // Only the forms suggested for him can be chosen: nothing unsupervised and direct, given the risk recorded.
        var choices = card.Data["formChoices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()).ToList();
        Assert.Contains("direct-supervised", choices);
        Assert.DoesNotContain("direct-supported", choices);
        Assert.All(card.Data["suggested"]!.AsArray(), s => Assert.StartsWith("Because you said: ", s!["because"]!.GetValue<string>(), StringComparison.Ordinal));

        t.Submit();
        var last = t.ExpectCard(ConsultationTemplates.Plan);
        Assert.True(last.Data["hasReview"]!.GetValue<bool>());
        Assert.StartsWith("yearly with the adoption support plan", last.Data["reviewWhen"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("unplanned contact", last.Data["reviewTriggers"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void PrivacyCatch_BringsTheCardBack_WithEverythingTyped()
    {
        var t = ConsultationCaseTests.CaseB();
        t.Submit();
        t.Submit(("kitFrequency", "twice a year"), ("kitVenue", "Call Jane on 07700 900123"), ("kitSupport", "help with letters"));

        t.ExpectText("phone number");
        var card = t.ExpectCard(ConsultationTemplates.Plan);
        Assert.Equal("Birth father", card.Data["title"]!.GetValue<string>());
        Assert.Equal("twice a year", Field(card, "kitFrequency"));
        Assert.Equal("Call Jane on 07700 900123", Field(card, "kitVenue"));
        Assert.Equal("help with letters", card.Data["support"]!.GetValue<string>());
        Assert.True(card.Data["privacy"]!["show"]!.GetValue<bool>());
        Assert.Empty(t.State.Consultation!.Arrangements);
    }

    [Fact]
    public void AFormNotSuggested_IsAskedAgain_AndNothingIsStored()
    {
        var t = ConsultationCaseTests.CaseB();
        t.Submit();
        t.Submit(("kitForms", "direct-supported"));
        t.ExpectText(Content.Consultation.Questions["kitForms"].Error).ExpectCard(ConsultationTemplates.Plan);
        Assert.Empty(t.State.Consultation!.Arrangements);
    }

    [Fact]
    public void Back_ReturnsToTheSummary_OrThePreviousPerson_WithWhatWasAgreed()
    {
        var t = ConsultationCaseTests.CaseB();
        t.Submit();
        t.Submit(("kitFrequency", "once a year"));
        t.Send("back");
        var card = t.ExpectCard(ConsultationTemplates.Plan);
        Assert.Equal("Birth father", card.Data["title"]!.GetValue<string>());
        Assert.Equal("once a year", Field(card, "kitFrequency"));
        t.Send("back");
        t.ExpectCard(ConsultationTemplates.Summary);
    }

    [Fact]
    public void AgreeAllLater_KeepsNothingForThatPerson()
    {
        var t = ConsultationCaseTests.CaseB();
        t.Submit();
        t.Submit(("kitLater", "true"));
        t.Submit();
        var c = t.State.Consultation!;
        Assert.Equal(["Maternal grandmother"], c.Arrangements.Select(a => c.People.Single(p => p.Id == a.PersonId).Label));
        var kit = t.State.Plans[0].Section(KitBot.Dialogs.Plans.PlanSectionIds.KeepingInTouch)!.Text;
        Assert.Contains("Suggested forms: ", PlanScenarios.Block(kit, "Birth father"));
        Assert.EndsWith("To be agreed for the birth father: the form, who is present, how long, how often, where, and who organises or supervises.", kit);
    }

    [Fact]
    public void ThreePeople_FinishInTenCardSubmissions()
    {
        var t = PlanScenarios.CaseA();
        // Every card of the consultation was answered once: the child, the people, three people, the adoptive
        // parents, the summary, and three provisional plan cards.
        var answered = t.Cards.Count(c => c.Template.StartsWith("consult-", StringComparison.Ordinal) && c.Template != ConsultationTemplates.SummaryPeople);
        Assert.Equal(10, answered);
        Assert.Single(t.State.Plans);
    }
}
