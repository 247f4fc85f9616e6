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

    private static TurnResult Press(ConversationState state, string verb, params (string Key, string Value)[] values)
    {
        var action = new CardAction(verb, null, null, values.ToDictionary(v => v.Key, v => v.Value));
        var turn = new Turn(new TurnUser("u"), new TurnConversation("c"), new CardActionInput(action), DateTimeOffset.UnixEpoch);
        return Engine.Run(turn, state);
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
