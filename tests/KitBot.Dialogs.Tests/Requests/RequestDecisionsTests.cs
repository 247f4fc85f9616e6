using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Menu;
using KitBot.Dialogs.Turns;
using KitBot.Dialogs.Requests;
using KitBot.Dialogs.Tests.Plans;
using KitBot.Dialogs.Tests.Support;

namespace KitBot.Dialogs.Tests.Requests;

/// <summary>What consultants' actions do depending on where a request is, and the menu's entry point.</summary>
public sealed class RequestDecisionsTests
{
    private static readonly KitBot.Dialogs.Content.PracticeContent Content = KitBot.Dialogs.Content.PracticeContent.Load(null);

    [Theory]
    [InlineData(RequestVerbs.Claim, RequestState.Open, false, RequestDecision.Apply)]
    [InlineData(RequestVerbs.Claim, RequestState.Claimed, false, RequestDecision.TakenByOther)]
    [InlineData(RequestVerbs.Claim, RequestState.Claimed, true, RequestDecision.AlreadyYours)]
    [InlineData(RequestVerbs.Claim, RequestState.Closed, true, RequestDecision.AlreadyClosed)]
    [InlineData(RequestVerbs.Release, RequestState.Open, false, RequestDecision.NotTaken)]
    [InlineData(RequestVerbs.Release, RequestState.Claimed, true, RequestDecision.Apply)]
    [InlineData(RequestVerbs.Release, RequestState.Claimed, false, RequestDecision.TakenByOther)]
    [InlineData(RequestVerbs.Close, RequestState.Claimed, true, RequestDecision.Apply)]
    [InlineData(RequestVerbs.Close, RequestState.Closed, true, RequestDecision.AlreadyClosed)]
    public void Decide(string verb, RequestState state, bool isClaimer, RequestDecision expected) =>
        Assert.Equal(expected, RequestDecisions.Decide(verb, state, isClaimer));

    [Fact]
    public void TakenByOther_SaysWhoHasIt() =>
        Assert.Equal("Alex Consultant has already taken request KIT-7F3K.", RequestDecisions.Explain(KitBot.Dialogs.Content.PracticeContent.Load(null), RequestDecision.TakenByOther, "KIT-7F3K", "Alex Consultant"));

    [Fact]
    public void Reference_IsKitAndFourUnambiguousCharacters()
    {
        Assert.Equal("KIT-2345", RequestReference.From([0, 1, 2, 3]));
        Assert.Matches("^KIT-[2-9A-HJKMNP-TV-Z]{4}$", RequestReference.From([255, 128, 77, 30]));
    }

    [Fact]
    public void AskAConsultant_WithATeamToAsk_ShowsTheForm() =>
        Assert.Equal(RequestCards.FormTemplate, Assert.IsType<CardReply>(Assert.Single(new RequestStart(Content).Ask(true, new ConversationState()))).Template);

    [Fact]
    public void AskAConsultant_WithNoTeamSetUp_SaysSoBeforeTheForm_AndOffersTheMenu()
    {
        var replies = new RequestStart(Content).Ask(false, new ConversationState());

        Assert.Equal(RequestStart.NotSetUpText, Assert.IsType<TextReply>(replies[0]).Text);
        Assert.Equal(MainMenu.WelcomeTemplate, Assert.IsType<CardReply>(replies[1]).Template);
        Assert.DoesNotContain(replies, r => r is CardReply { Template: RequestCards.FormTemplate });
    }

    [Fact]
    public void AfterAFinishedConsultation_TheFormOffersItsSummary_ByRelationshipNotLabel()
    {
        var t = new Transcript();
        KitBot.Dialogs.Tests.Consultation.ConsultationCaseTests.CaseC(t).Finish();

        var form = Assert.IsType<CardReply>(Assert.Single(new RequestStart(Content).Ask(true, t.State)));

        Assert.True(form.Data["hasSummary"]!.GetValue<bool>());
        var summary = form.Data["summary"]!.GetValue<string>();
        Assert.NotEmpty(summary);
        Assert.True(summary.Length <= RequestStart.MaxSummary);
        // Short lines, one per person, each a whole sentence: never a run-on paragraph cut mid-sentence.
        Assert.All(summary.Split('\n'), line => Assert.True(line.EndsWith('.') || line.EndsWith(')'), line));
        Assert.True(summary.Split('\n').Length >= 2, summary);
    }

    [Fact]
    public void RequestVerbs_BelongToTheHost_SoAStrayOneReachingTheCoreChangesNothing()
    {
        Assert.DoesNotContain(RequestVerbs.Submit, new KitBot.Dialogs.Engine.DialogEngine().Verbs);

        new Transcript().Click(RequestVerbs.Submit, new Dictionary<string, string> { [RequestVerbs.Question] = "A question?" }, card: RequestCards.Form())
            .ExpectText("nothing has changed").ExpectCard(MainMenu.WelcomeTemplate);
    }

    [Fact]
    public void Card_ShowsOnlyTheActionsThatFitItsState()
    {
        var open = new RequestSnapshot("r1", "KIT-7F3K", "Q?", RequestUrgency.Today, RequestContact.Phone, "Mornings", null, RequestState.Open, null);
        var card = RequestCards.Card(open);
        Assert.True(card.Data["isOpen"]!.GetValue<bool>());
        Assert.False(card.Data["isClaimed"]!.GetValue<bool>());

        var claimed = RequestCards.Card(open with { State = RequestState.Claimed, ClaimedName = "Alex" });
        Assert.Equal("Taken by Alex", claimed.Data["status"]!.GetValue<string>());
        Assert.True(claimed.Data["isClaimed"]!.GetValue<bool>());
    }
}
