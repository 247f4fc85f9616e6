using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Plans;
using KitBot.Dialogs.Reviews;
using KitBot.Dialogs.Turns;
using ReviewsFeature = KitBot.Dialogs.Reviews.Reviews;

namespace KitBot.Dialogs.Tests.Reviews;

/// <summary>Transcript-style: the set-up and proposal verbs, through the engine a host runs (its own verb table).</summary>
public sealed class ReviewsDialogTests
{
    private static readonly ReviewRules Rules = new(new ReviewRuleOptions());
    private static readonly DialogEngine Engine = new();

    private static readonly ConversationState WithPlans = ConversationState.New with
    {
        Plans = [new PlanState { Id = "p-1", Title = "Sibling group" }, new PlanState { Id = "p-2", Title = "Child aged 5 to 10" }],
    };

    private static TurnResult Press(ConversationState state, string verb, params (string Key, string Value)[] values) =>
        PressOn(DateTimeOffset.UnixEpoch, state, verb, values);

    private static TurnResult PressOn(DateTimeOffset when, ConversationState state, string verb, params (string Key, string Value)[] values)
    {
        var action = new CardAction(verb, null, null, values.ToDictionary(v => v.Key, v => v.Value));
        var turn = new Turn(new TurnUser("u"), new TurnConversation("c"), new CardActionInput(action), when);
        return Engine.Run(turn, state);
    }

    [Fact]
    public void SetUp_AsksForTheEventDates_AsOptionalInputs()
    {
        var card = Assert.IsType<CardReply>(Assert.Single(Press(WithPlans, ReviewVerbs.Setup, (ReviewVerbs.PlanId, "p-1")).Replies));
        var events = card.Data["events"]!.AsArray();
        Assert.Equal(["firstExchange", "firstSiblingMeeting"], events.Select(e => (string)e!["id"]!));
        Assert.StartsWith("The first exchange or meeting after placement: its date, if known (optional", (string)events[0]!["label"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Propose_AnOrderYearsAgo_InUkDates_WithTheFirstExchange_ProposesFromToday()
    {
        // Monday 7 December 2026, 10:00 in London; the order was 2 December 2024, typed the UK way.
        var replies = PressOn(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero), WithPlans, ReviewVerbs.Propose,
            ("pid", "p-1"), ("stage", "AfterAdoptionOrder"), ("start", "02/12/2024"), ("firstExchange", "3 March 2027")).Replies;

        var card = Assert.IsType<CardReply>(Assert.Single(replies));
        Assert.Equal("Monday 2 December 2024", (string)card.Data["startText"]!);
        Assert.Equal(("2026-12-07", "firstExchange=2027-03-03"), ((string)card.Data["asOf"]!, (string)card.Data["events"]!));
        var due = card.Data["proposals"]!.AsArray().Select(p => ((string)p!["due"]!, (string)p["label"]!)).ToList();
        Assert.Equal(
            [
                ("2027-03-17", "How the first exchange or meeting after placement went"),
                ("2027-12-02", "Keeping-in-touch review 3 after the adoption order"),
                ("2028-12-01", "Keeping-in-touch review 4 after the adoption order"),
            ],
            due);
    }

    [Fact]
    public void Propose_WithAnEventDateThatIsNotADate_AsksAgainNamingTheEvent()
    {
        var replies = Press(WithPlans, ReviewVerbs.Propose,
            ("pid", "p-1"), ("stage", "PlacedForAdoption"), ("start", "16/11/2026"), ("firstSiblingMeeting", "soon")).Replies;

        Assert.Contains("the first sibling meeting", Assert.IsType<TextReply>(replies[0]).Text, StringComparison.Ordinal);
        Assert.Equal("soon", (string)Assert.IsType<CardReply>(replies[1]).Data["events"]!.AsArray()[1]!["value"]!);
    }

    [Fact]
    public void SetUp_FromAPlan_ShowsTheSetUpCardForThatPlan()
    {
        var card = Assert.IsType<CardReply>(Assert.Single(Press(WithPlans, ReviewVerbs.Setup, (ReviewVerbs.PlanId, "p-2")).Replies));
        Assert.Equal(ReviewCards.SetupTemplate, card.Template);
        Assert.Equal("p-2", card.Data["pid"]!.GetValue<string>());
        Assert.Equal(2, card.Data["plans"]!.AsArray().Count);
        Assert.Equal(3, card.Data["stages"]!.AsArray().Count);
    }

    [Fact]
    public void SetUp_Typed_WithNoPlanYet_SaysReviewsBelongToAPlan()
    {
        var turn = new Turn(new TurnUser("u"), new TurnConversation("c"), new TextInput("set up reviews"), DateTimeOffset.UnixEpoch);
        var replies = Engine.Run(turn, ConversationState.New).Replies;
        Assert.Contains("belong to a plan", Assert.IsType<TextReply>(replies[0]).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Propose_WithStageAndDate_ShowsTheProposedDatesToKeepDropOrMove()
    {
        var card = Assert.IsType<CardReply>(Assert.Single(
            Press(WithPlans, ReviewVerbs.Propose, ("pid", "p-1"), ("stage", "PlacedForAdoption"), ("start", "2025-01-15")).Replies));

        Assert.Equal(ReviewCards.ProposalsTemplate, card.Template);
        Assert.Equal("p-1", card.Data["pid"]!.GetValue<string>());
        var proposals = card.Data["proposals"]!.AsArray();
        Assert.Equal("keep_0", proposals[0]!["keepId"]!.GetValue<string>());
        Assert.True(proposals.Count >= 3);
    }

    [Theory]
    [InlineData("p-1", "", "2025-01-15", "choose where the child is")]
    [InlineData("p-1", "PlacedForAdoption", "next Tuesday", "give the date")]
    [InlineData("", "PlacedForAdoption", "2025-01-15", "choose the plan")]
    public void Propose_WithSomethingMissing_AsksAgain_KeepingWhatWasTyped(string plan, string stage, string start, string says)
    {
        var replies = Press(WithPlans, ReviewVerbs.Propose, ("pid", plan), ("stage", stage), ("start", start), ("age", "6")).Replies;

        Assert.Contains(says, Assert.IsType<TextReply>(replies[0]).Text, StringComparison.Ordinal);
        var again = Assert.IsType<CardReply>(replies[1]);
        Assert.Equal(ReviewCards.SetupTemplate, again.Template);
        Assert.Equal((stage, start, 6), (again.Data["stage"]!.GetValue<string>(), again.Data["start"]!.GetValue<string>(), again.Data["age"]!.GetValue<int>()));
    }

    [Fact]
    public void TheEngine_AnswersSetUpAndPropose_AndLeavesTheStoredVerbsToTheHost()
    {
        Assert.Contains(ReviewVerbs.Setup, Engine.Verbs);
        Assert.Contains(ReviewVerbs.Propose, Engine.Verbs);
        Assert.Empty(Engine.Verbs.Intersect(ReviewVerbs.Stored));
    }

    [Fact]
    public void Register_Twice_FailsAtStartUp()
    {
        var verbs = new VerbRegistry();
        ReviewsFeature.Register(verbs, Rules);
        Assert.Throws<InvalidOperationException>(() => ReviewsFeature.Register(verbs, Rules));
    }
}
