using System.Text.Json;
using System.Text.Json.Nodes;
using KitBot.Dialogs.Plans;
using KitBot.Dialogs.Reviews.Guided;
using KitBot.Dialogs.Tests.Plans;
using KitBot.Dialogs.Tests.Support;
using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Tests.Reviews.Guided;

/// <summary>
/// Guided reviews, written from PRACTICE.md's reasons for an earlier review (unplanned contact; a new sibling; the
/// child's response changing): the proposals follow the answers, each says which answers led to it and is worded
/// as a suggestion, an earlier review is proposed only after unplanned contact or a new sibling, and nothing in the
/// plan changes until the practitioner accepts; accepting makes the next version with exactly what was kept.
/// </summary>
public sealed class GuidedReviewTests
{
    private static readonly DateTimeOffset Later = new(2025, 6, 4, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Presses the questions card's "See suggested changes" with these answers (by person index).</summary>
    internal static Transcript AnswerReview(Transcript t, Dictionary<string, string> answers)
    {
        var card = t.ExpectCard(GuidedReviewCards.QuestionsTemplate);
        var values = new Dictionary<string, string>(answers)
        {
            ["pid"] = card.Data["pid"]!.GetValue<string>(),
            ["rid"] = card.Data["rid"]!.GetValue<string>(),
            ["ver"] = card.Data["ver"]!.GetValue<string>(),
        };
        return t.Click(GuidedReviewVerbs.Answer, values, card);
    }

    /// <summary>The accept button's values on a proposals card, keeping each proposal unless its index is in <paramref name="drop"/>.</summary>
    internal static Dictionary<string, string> AcceptValues(CardReply card, IReadOnlySet<int>? drop = null, bool earlier = true, IReadOnlyDictionary<int, string>? edits = null)
    {
        var values = new Dictionary<string, string>
        {
            ["verb"] = GuidedReviewVerbs.Accept,
        };
        foreach (var key in new[] { "pid", "rid", "ver", "secs", "early" })
        {
            values[key] = card.Data[key]!.GetValue<string>();
        }

        var proposals = Proposals(card);
        for (var i = 0; i < proposals.Count; i++)
        {
            values[proposals[i]["textId"]!.GetValue<string>()] = edits?.GetValueOrDefault(i) ?? proposals[i]["text"]!.GetValue<string>();
            values[proposals[i]["keepId"]!.GetValue<string>()] = drop?.Contains(i) == true ? "false" : "true";
        }

        if (card.Data["hasEarlier"]!.GetValue<bool>())
        {
            values["earlyKeep"] = earlier ? "true" : "false";
        }

        return values;
    }

    internal static IReadOnlyList<JsonObject> Proposals(CardReply card) => [.. card.Data["proposals"]!.AsArray().Select(p => p!.AsObject())];

    private static CardAction Action(Dictionary<string, string> values) => new(GuidedReviewVerbs.Accept, null, null, values);

    private static string Id(Transcript t, int person) => t.State.Plans[0].People[person].Id;

    [Fact]
    public void UnplannedSocialMediaContact_ProposesAChangedSafeguard_AndAnEarlierReview_AndChangesNothingUntilAccepted()
    {
        var t = PlanScenarios.CaseB();
        var plan = t.State.Plans[0];
        Assert.NotEmpty(plan.People);
        var person = plan.People[^1];
        var before = t.StateJson;

        // "Something has changed", from the plan card.
        t.PlanAction(GuidedReviewVerbs.Changed, plan.Id);
        var questions = t.ExpectCard(GuidedReviewCards.QuestionsTemplate);
        Assert.Equal(plan.People.Select(p => p.Label), questions.Data["people"]!.AsArray().Select(p => p!["label"]!.GetValue<string>()));
        AnswerReview(t, new()
        {
            ["h_" + person.Id] = "yes",
            ["x_" + person.Id] = "social",
            ["wishes"] = "Wants to keep getting letters but was frightened by the message.",
            ["wishesHow"] = "said",
        });

        var card = t.ExpectCard(GuidedReviewCards.ProposalsTemplate);
        var proposals = Proposals(card);
        // Exactly two proposals: the safeguard (from the social media answer) and the wishes (from the wishes answer).
        Assert.Equal(["kit", "review"], card.Data["secs"]!.GetValue<string>().Split(','));
        Assert.Contains("Suggested safeguard", proposals[0]["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("you may want to", proposals[0]["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal($"Because: {person.Label}: unplanned contact or a social media approach", proposals[0]["because"]!.GetValue<string>());
        Assert.Contains("Wants to keep getting letters", proposals[1]["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(card.Data["hasEarlier"]!.GetValue<bool>());
        var early = DateOnly.ParseExact(card.Data["early"]!.GetValue<string>(), "yyyy-MM-dd");
        var today = DateOnly.FromDateTime(t.State.LastActive!.Value.UtcDateTime);
        Assert.InRange(early.DayNumber - today.DayNumber, 26, 28);
        Assert.NotEqual(DayOfWeek.Saturday, early.DayOfWeek);
        Assert.NotEqual(DayOfWeek.Sunday, early.DayOfWeek);
        // Nothing has changed: not the plan, not its versions.
        StateAssert.Unchanged(before, t);

        // Accept the safeguard as edited, drop the wishes sentence.
        const string Edited = "Suggested safeguard: the adoptive parents will not reply to messages and will tell the social worker the same day.";
        var outcome = GuidedReviews.Accept(t.State, Action(AcceptValues(card, drop: new HashSet<int> { 1 }, edits: new Dictionary<int, string> { [0] = Edited })), Later, "Europe/London", t.Content);

        Assert.True(outcome.Accepted);
        Assert.Equal(early, outcome.EarlierBy);
        var after = outcome.State.Plans[0];
        Assert.Equal(2, PlanVersions.Current(after));
        var change = Assert.Single(PlanVersions.Changes(after, 2)!);
        Assert.Equal((PlanSectionIds.KeepingInTouch, Edited), (change.Id, Assert.Single(change.Added)));
        Assert.Empty(change.Removed);
        Assert.Equal(plan.Section(PlanSectionIds.KeepingInTouch)!.Text, PlanVersions.TextAt(after, 1)!.Single(s => s.Id == PlanSectionIds.KeepingInTouch).Text);

        // The same card accepted again changes nothing.
        var again = GuidedReviews.Accept(outcome.State, Action(AcceptValues(card)), Later, "Europe/London", t.Content);
        Assert.False(again.Accepted);
        Assert.Same(outcome.State, again.State);
    }

    [Fact]
    public void ANewSibling_AndAChildUnsettledAfterContact_ProposeTheirOwnChanges_AndDroppingEverythingChangesNoText()
    {
        var t = PlanScenarios.CaseB();
        var plan = t.State.Plans[0];
        var first = plan.People[0];
        var second = plan.People[^1];
        t.Click(GuidedReviewVerbs.Start, new Dictionary<string, string> { ["pid"] = plan.Id, ["rid"] = "r-1" });
        AnswerReview(t, new()
        {
            ["h_" + first.Id] = "yes",
            ["x_" + first.Id] = "sibling",
            ["h_" + second.Id] = "yes",
            ["b_" + second.Id] = "settled",
            ["d_" + second.Id] = "mixed",
            ["a_" + second.Id] = "unsettled",
            ["n_" + second.Id] = "Bed-wetting for a week after",
        });

        var card = t.ExpectCard(GuidedReviewCards.ProposalsTemplate);
        Assert.Equal("r-1", card.Data["rid"]!.GetValue<string>());
        Assert.Equal(["people", "support"], card.Data["secs"]!.GetValue<string>().Split(','));
        var proposals = Proposals(card);
        Assert.Equal($"Because: {first.Label}: a new sibling was born", proposals[0]["because"]!.GetValue<string>());
        Assert.Equal($"Because: {second.Label}: the child was unsettled after", proposals[1]["because"]!.GetValue<string>());
        Assert.All(proposals, p => Assert.Contains("You may want to", p["text"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.True(card.Data["hasEarlier"]!.GetValue<bool>());
        Assert.Contains(first.Label, card.Data["earlyText"]!.GetValue<string>(), StringComparison.Ordinal);

        // Everything dropped: the review is accepted (so the host marks it done) but no version is made.
        var outcome = GuidedReviews.Accept(t.State, Action(AcceptValues(card, drop: new HashSet<int> { 0, 1 }, earlier: false)), Later, null, t.Content);
        Assert.True(outcome.Accepted);
        Assert.Null(outcome.EarlierBy);
        Assert.Equal(1, PlanVersions.Current(outcome.State.Plans[0]));
        Assert.Equal(t.StateJson, KitBot.Dialogs.Engine.ConversationStateSerializer.Serialize(outcome.State));
    }

    [Fact]
    public void NothingNew_ProposesNoEarlierReview()
    {
        var t = PlanScenarios.CaseB();
        var plan = t.State.Plans[0];
        t.Click(GuidedReviewVerbs.Start, new Dictionary<string, string> { ["pid"] = plan.Id });
        AnswerReview(t, new() { ["h_" + plan.People[0].Id] = "no", ["x_" + plan.People[0].Id] = "circumstances" });
        var card = t.ExpectCard(GuidedReviewCards.ProposalsTemplate);
        Assert.False(card.Data["hasEarlier"]!.GetValue<bool>());
        Assert.Equal(["kit", "strengths"], card.Data["secs"]!.GetValue<string>().Split(','));
    }

    [Fact]
    public void AcceptingAfterThePlanWasEdited_ChangesNothing_AndSaysSo()
    {
        var t = PlanScenarios.CaseB();
        var plan = t.State.Plans[0];
        t.Send("something has changed");
        AnswerReview(t, new() { ["x_" + plan.People[0].Id] = "social" });
        var card = t.ExpectCard(GuidedReviewCards.ProposalsTemplate);
        t.SaveSection(PlanSectionIds.Purpose, plan.Section(PlanSectionIds.Purpose)!.Text + "\nAgreed with the manager.");

        var outcome = GuidedReviews.Accept(t.State, Action(AcceptValues(card)), Later, null, t.Content);
        Assert.False(outcome.Accepted);
        Assert.Contains("nothing has been changed", Assert.Single(outcome.Replies.OfType<TextReply>()).Text, StringComparison.Ordinal);
        Assert.Equal(2, PlanVersions.Current(outcome.State.Plans[0]));
    }

    [Fact]
    public void AcceptingTextWithPersonalDetails_ChangesNothing_AndSaysWhy()
    {
        var t = PlanScenarios.CaseB();
        var plan = t.State.Plans[0];
        t.Send("something has changed");
        AnswerReview(t, new() { ["x_" + plan.People[0].Id] = "social" });
        var card = t.ExpectCard(GuidedReviewCards.ProposalsTemplate);

        var outcome = GuidedReviews.Accept(t.State, Action(AcceptValues(card, edits: new Dictionary<int, string> { [0] = "Call the adopters on 07700 900123 if it happens again." })), Later, null, t.Content);

        Assert.False(outcome.Accepted);
        Assert.Contains("Nothing has been changed yet", string.Join(" ", outcome.Replies.OfType<TextReply>().Select(r => r.Text)), StringComparison.Ordinal);
        Assert.Equal(1, PlanVersions.Current(outcome.State.Plans[0]));
    }

    [Fact]
    public void ALifeStageReview_AsksTheStagesQuestions_AndSuggestsTheStagesChange()
    {
        var t = PlanScenarios.CaseB();
        var plan = t.State.Plans[0];
        // As the reminder card for a life-stage review sends it.
        t.Click(GuidedReviewVerbs.Start, new Dictionary<string, string> { ["pid"] = plan.Id, ["rid"] = "r-9", ["stage"] = "Moving to secondary school" });
        var questions = t.ExpectCard(GuidedReviewCards.QuestionsTemplate);
        Assert.True(questions.Data["hasStage"]!.GetValue<bool>());
        Assert.Contains("phone or social media", questions.Data["stageQuestions"]!.AsArray()[0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);

        AnswerReview(t, new() { ["stage"] = questions.Data["stage"]!.GetValue<string>(), ["stageNote"] = "Has a phone since September; no agreement yet." });
        var card = t.ExpectCard(GuidedReviewCards.ProposalsTemplate);
        Assert.Equal(["support", "review"], card.Data["secs"]!.GetValue<string>().Split(','));
        var proposals = Proposals(card);
        Assert.Equal("Because: Life stage: Moving to secondary school", proposals[0]["because"]!.GetValue<string>());
        Assert.Contains("you may want to agree online safety", proposals[0]["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Has a phone since September", proposals[1]["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(card.Data["hasEarlier"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("under-2", "1")]
    [InlineData("2-4", "3")]
    [InlineData("5-10", "7")]
    [InlineData("14-15", "14")]
    [InlineData("", null)]
    public void TheSetUpCardsAge_StartsFromThePlansAgeBand(string band, string? age) =>
        Assert.Equal(age, KitBot.Dialogs.Reviews.ReviewCards.AgeFromBand(band));

    [Fact]
    public void SetUpReviews_ForADraftedPlan_PrefillsTheAgeFromItsBand()
    {
        var t = PlanScenarios.CaseB();
        var plan = t.State.Plans[0];
        Assert.NotEmpty(plan.AgeBand);
        t.PlanAction(KitBot.Dialogs.Reviews.ReviewVerbs.Setup, plan.Id);
        var card = t.ExpectCard("review-setup");
        Assert.True(card.Data["hasAge"]!.GetValue<bool>());
        Assert.Equal(int.Parse(KitBot.Dialogs.Reviews.ReviewCards.AgeFromBand(plan.AgeBand)!, System.Globalization.CultureInfo.InvariantCulture), card.Data["age"]!.GetValue<int>());
    }

    [Fact]
    public void WorkingDay_IsNeverAfterTheDate()
    {
        Assert.Equal(new DateOnly(2025, 6, 6), GuidedReviews.WorkingDayOnOrBefore(new DateOnly(2025, 6, 7)));
        Assert.Equal(new DateOnly(2025, 6, 6), GuidedReviews.WorkingDayOnOrBefore(new DateOnly(2025, 6, 8)));
        Assert.Equal(new DateOnly(2025, 6, 9), GuidedReviews.WorkingDayOnOrBefore(new DateOnly(2025, 6, 9)));
    }

    /// <summary>Writes the guided review samples in cards/samples when KITBOT_WRITE_CARD_SAMPLES=1 (a tool, not a check).</summary>
    [Fact]
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

        var t = PlanScenarios.CaseB();
        var plan = t.State.Plans[0];
        t.Click(GuidedReviewVerbs.Start, new Dictionary<string, string> { ["pid"] = plan.Id, ["rid"] = "0123456789abcdef0123456789abcdef" });
        Write("review-guide", t.ExpectCard(GuidedReviewCards.QuestionsTemplate).Data);
        t.Click(GuidedReviewVerbs.Start, new Dictionary<string, string> { ["pid"] = plan.Id, ["rid"] = "0123456789abcdef0123456789abcdef", ["stage"] = "Starting school" });
        Write("review-guide.stage", t.ExpectCard(GuidedReviewCards.QuestionsTemplate).Data);
        AnswerReview(t, new()
        {
            ["x_" + Id(t, 0)] = "social,sibling",
            ["a_" + Id(t, 0)] = "unsettled",
            ["wishes"] = "Wants to keep writing.",
            ["wishesHow"] = "said",
        });
        Write("review-changes", t.ExpectCard(GuidedReviewCards.ProposalsTemplate).Data);
        AnswerReview(t.Click(GuidedReviewVerbs.Start, new Dictionary<string, string> { ["pid"] = plan.Id }), []);
        Write("review-changes.none", t.ExpectCard(GuidedReviewCards.ProposalsTemplate).Data);
    }
}
