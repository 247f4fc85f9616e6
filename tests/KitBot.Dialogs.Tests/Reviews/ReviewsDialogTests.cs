using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Reviews;
using KitBot.Dialogs.Turns;
using ReviewsFeature = KitBot.Dialogs.Reviews.Reviews;

namespace KitBot.Dialogs.Tests.Reviews;

/// <summary>Transcript-style: the set-up and proposal verbs, through a verb registry as the engine will use them.</summary>
public sealed class ReviewsDialogTests
{
    private static readonly ReviewRules Rules = new(new ReviewRuleOptions());

    private static TurnResult Press(string verb, params (string Key, string Value)[] values)
    {
        var verbs = new VerbRegistry();
        ReviewsFeature.Register(verbs, Rules);
        Assert.True(verbs.TryGet(verb, out var handler));
        var action = new CardAction(verb, null, null, values.ToDictionary(v => v.Key, v => v.Value));
        var turn = new Turn(new TurnUser("u"), new TurnConversation("c"), new CardActionInput(action), DateTimeOffset.UnixEpoch);
        return handler(new DialogContext(turn, ConversationState.New), action);
    }

    [Fact]
    public void SetUp_ShowsTheSetUpCard()
    {
        var card = Assert.IsType<CardReply>(Assert.Single(Press(ReviewVerbs.Setup).Replies));
        Assert.Equal(ReviewCards.SetupTemplate, card.Template);
        Assert.Equal(3, card.Data["stages"]!.AsArray().Count);
    }

    [Fact]
    public void Propose_WithStageAndDate_ShowsTheProposedDatesToKeepDropOrMove()
    {
        var card = Assert.IsType<CardReply>(Assert.Single(
            Press(ReviewVerbs.Propose, ("stage", "PlacedForAdoption"), ("start", "2025-01-15")).Replies));

        Assert.Equal(ReviewCards.ProposalsTemplate, card.Template);
        var proposals = card.Data["proposals"]!.AsArray();
        Assert.Equal(["2025-02-12", "2025-05-12", "2025-11-12", "2026-05-12", "2026-11-12"], proposals.Select(p => p!["due"]!.GetValue<string>()));
        Assert.Equal("keep_0", proposals[0]!["keepId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("", "2025-01-15", "choose where the child is")]
    [InlineData("PlacedForAdoption", "15/01/2025", "give the date")]
    public void Propose_WithSomethingMissing_AsksAgain(string stage, string start, string says)
    {
        var replies = Press(ReviewVerbs.Propose, ("stage", stage), ("start", start)).Replies;

        Assert.Contains(says, Assert.IsType<TextReply>(replies[0]).Text);
        Assert.Equal(ReviewCards.SetupTemplate, Assert.IsType<CardReply>(replies[1]).Template);
    }

    [Fact]
    public void Register_Twice_FailsAtStartUp()
    {
        var verbs = new VerbRegistry();
        ReviewsFeature.Register(verbs, Rules);
        Assert.Throws<InvalidOperationException>(() => ReviewsFeature.Register(verbs, Rules));
    }

    [Fact]
    public void StoredVerbs_AreNotRegisteredInTheCore()
    {
        var verbs = new VerbRegistry();
        ReviewsFeature.Register(verbs, Rules);
        Assert.Empty(verbs.Verbs.Intersect(ReviewVerbs.Stored));
    }
}
