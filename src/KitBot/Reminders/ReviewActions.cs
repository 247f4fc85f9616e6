using System.Security.Cryptography;
using System.Text;
using KitBot.Conversations;
using KitBot.Dialogs.Content;
using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Reviews;
using KitBot.Dialogs.Reviews.Guided;
using KitBot.Dialogs.Turns;
using KitBot.Storage;

namespace KitBot.Reminders;

/// <summary>
/// Answers the review verbs that change stored reviews (<see cref="ReviewVerbs.Stored"/>) and the typed
/// "my reviews". The core decides (<see cref="ReviewDecisions"/>, <see cref="ReviewProposals"/>, <see cref="ReviewRules"/>);
/// this applies the decision to the reviews table and schedules the reminders. No practice rules here.
/// </summary>
public sealed class ReviewActions(
    IReviewStore reviews,
    IConversationStore conversations,
    PracticeContent content,
    ReminderCalendar calendar,
    IReminderScheduler scheduler,
    TimeProvider time,
    Privacy.AuditLog audit,
    ILogger<ReviewActions> logger) : Turns.IStoredVerbs
{
    /// <inheritdoc />
    public IReadOnlyCollection<string> Verbs => ReviewVerbs.Stored;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Reply>> HandleAsync(Turns.StoredTurn stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var (turn, action) = (stored.Turn, stored.Action);
        var conversationKey = stored.Reference.Key;
        var userId = turn.User.Id;
        var now = time.GetUtcNow();
        switch (action.Verb)
        {
            case ReviewVerbs.List:
                return [await ListAsync(userId, null, calendar.ResolveZone(turn.TimeZone), now, cancellationToken)];
            case ReviewVerbs.Confirm:
                return await ConfirmAsync(action, turn, stored.State, conversationKey, now, cancellationToken);
            case GuidedReviewVerbs.Accept:
                return await AcceptAsync(stored, now, cancellationToken);
        }

        var review = action.Value(ReviewVerbs.ReviewId) is { } id ? await reviews.GetAsync(id, cancellationToken) : null;
        if (action.Verb == ReviewVerbs.TeamOpen)
        {
            return [OpenFromTeam(review, userId, now)];
        }

        if (review is null || review.UserId != userId)
        {
            // Someone else's review looks the same as a missing one: say nothing about it.
            return [new TextReply("I could not find that review. Type my reviews to see yours.")];
        }

        var hours = calendar.For(review.TimeZone);
        var today = hours.LocalDate(now);
        if (action.Verb == ReviewVerbs.Open)
        {
            return [await ListAsync(userId, review.PlanId, review.TimeZone, now, cancellationToken)];
        }

        var decision = ReviewDecisions.Decide(action, review.ToSnapshot(), today, calendar.Rules);
        var applied = decision.Change switch
        {
            ReviewChange.MarkDone => await MarkDoneAsync(review, decision.Next, now, cancellationToken),
            ReviewChange.Snooze => await MoveAsync(review, review.DueDate, review.DueAt, hours.NextSlot(now + decision.SnoozeFor!.Value), ReviewState.Snoozed, now, cancellationToken),
            ReviewChange.Reschedule => await MoveAsync(
                review, decision.NewDue!.Value, hours.ReminderSlot(decision.NewDue.Value),
                Later(hours.ReminderSlot(decision.NewDue.Value, calendar.DaysBefore), hours.NextSlot(now)), ReviewState.Pending, now, cancellationToken),
            ReviewChange.StopPlan => await reviews.CancelPlanAsync(review.PlanId, userId, now, cancellationToken) > 0,
            _ => true,
        };
        Log.ReviewAction(logger, action.Verb, review.Id, applied ? decision.Change.ToString() : "already changed");
        if (applied && decision.Change != ReviewChange.None)
        {
            // Only what changed a review is audited: the verb and the review's id, never its text.
            await audit.WriteAsync(turn.User.Id, action.Verb, review.Id, cancellationToken);
        }

        return applied
            ? decision.Replies
            : [new TextReply(AlreadyDealtWithText)];
    }

    /// <summary>What a colleague hears on pressing "Open in my chat" on someone else's reminder in their team's channel.</summary>
    public const string ColleaguesReviewText =
        "That review is a colleague's, so its details stay in their own chat with KitBot. If they are away for a while, they can hand the plan over to you (they type hand over), or name a reminder partner.";

    /// <summary>What the owner hears on acting on a reminder (in their chat or from a team channel) that has since been dealt with.</summary>
    public const string AlreadyDealtWithText = "That review has already been dealt with, so nothing has changed. Type my reviews to see where things are.";

    /// <summary>
    /// "Open in my chat" on a reminder posted in a team channel (the turn has moved to the presser's personal chat):
    /// the whole reminder for its owner, a kind word for a colleague (saying nothing about the review).
    /// </summary>
    private Reply OpenFromTeam(StoredReview? review, string userId, DateTimeOffset now)
    {
        if (review is null || review.UserId != userId)
        {
            return new TextReply(review is null ? AlreadyDealtWithText : ColleaguesReviewText);
        }

        return review.State is ReviewState.Done or ReviewState.Cancelled
            ? new TextReply(AlreadyDealtWithText)
            : ReviewCards.Reminder(review.ToSnapshot(), calendar.For(review.TimeZone).LocalDate(now));
    }

    /// <summary>
    /// Accepting a guided review: the plan's new version is saved in the person's state first (the core decides it),
    /// then the review is marked done as "mark reviewed" does, and a kept earlier review moves the next open review
    /// forward (never later than it was, so never past the statutory date).
    /// </summary>
    private async Task<IReadOnlyList<Reply>> AcceptAsync(Turns.StoredTurn stored, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (turn, action) = (stored.Turn, stored.Action);
        var key = ConversationReference.StateKeyFor(stored.Reference.Key, turn.User.Id);
        AcceptOutcome? outcome = null;
        for (var attempt = 1; attempt <= 8 && outcome is null; attempt++)
        {
            var row = await conversations.LoadStateAsync(key, cancellationToken);
            var state = ConversationStateSerializer.Deserialize(row.Json);
            var decided = GuidedReviews.Accept(state, action, now, turn.TimeZone, content);
            if (ReferenceEquals(decided.State, state)
                || await conversations.TrySaveStateAsync(key, ConversationStateSerializer.Serialize(decided.State), row.Version, now, cancellationToken))
            {
                outcome = decided;
            }
        }

        if (outcome is null)
        {
            return [new TextReply("I am still working on something else in this conversation. One thing at a time: please press Accept again in a moment.")];
        }

        var replies = new List<Reply>(outcome.Replies);
        if (!outcome.Accepted || outcome.PlanId is null)
        {
            return replies;
        }

        await audit.WriteAsync(turn.User.Id, GuidedReviewVerbs.Accept, outcome.PlanId, cancellationToken);
        var zone = calendar.ResolveZone(turn.TimeZone);
        if (action.Value(ReviewVerbs.ReviewId) is { Length: > 0 } rid
            && await reviews.GetAsync(rid, cancellationToken) is { } review
            && review.UserId == turn.User.Id && review.PlanId == outcome.PlanId && !review.ToSnapshot().IsClosed)
        {
            var done = ReviewDecisions.Decide(new CardAction(ReviewVerbs.Done, null, null, new Dictionary<string, string>()), review.ToSnapshot(), calendar.For(review.TimeZone).LocalDate(now), calendar.Rules);
            if (await MarkDoneAsync(review, done.Next, now, cancellationToken))
            {
                replies.AddRange(done.Replies);
                zone = review.TimeZone;
            }
        }

        if (outcome.EarlierBy is { } by)
        {
            var open = (await reviews.ListOpenAsync(turn.User.Id, outcome.PlanId, cancellationToken)).OrderBy(r => r.DueDate).ToList();
            var hours = calendar.For(open.FirstOrDefault()?.TimeZone ?? zone);
            if (open.FirstOrDefault() is { } next && next.DueDate > by)
            {
                await MoveAsync(next, by, hours.ReminderSlot(by), Later(hours.ReminderSlot(by, calendar.DaysBefore), hours.NextSlot(now)), ReviewState.Pending, now, cancellationToken);
                replies.Add(new TextReply($"The next review ({next.Label}) is brought forward to {ReviewCards.Show(by)}. I will remind you then."));
            }
            else if (open.Count == 0)
            {
                var row = NewReview(
                    Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(FormattableString.Invariant($"{turn.User.Id}\n{outcome.PlanId}\nearly\n{by:yyyy-MM-dd}"))))[..32],
                    outcome.PlanId, stored.Reference.Key, turn.User.Id, ReviewStage.AfterAdoptionOrder, new ProposedReview(by, ReviewKind.Event, 0, "Earlier review after a change"), zone, now);
                await reviews.AddAsync([row], now, cancellationToken);
                scheduler.ScheduleDelivery(row.Id, row.RemindAt);
                replies.Add(new TextReply($"An earlier review is set for {ReviewCards.Show(by)}. I will remind you then."));
            }
            else
            {
                replies.Add(new TextReply($"The next review is already due by {ReviewCards.Show(open[0].DueDate)}, which is sooner, so it stays."));
            }
        }

        return replies;
    }

    private async Task<IReadOnlyList<Reply>> ConfirmAsync(CardAction action, Turn turn, Dialogs.Engine.ConversationState state, string conversationKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (Reviews.PlanOf(state, action) is not { } plan)
        {
            return [new TextReply("That plan is no longer in your plans, so no review dates were saved. Type my plans to see them.")];
        }

        var userId = turn.User.Id;
        var zone = calendar.ResolveZone(turn.TimeZone);
        var hours = calendar.For(zone);
        var today = hours.LocalDate(now);
        var confirmed = ReviewProposals.Confirmed(action, calendar.Rules, today, out var problem);
        if (confirmed is not { } result)
        {
            return [new TextReply(problem!), ReviewCards.Setup(state.Plans, plan, null, calendar.Rules.Options.EffectiveEvents)];
        }

        // The same card confirmed twice (a double click, a Teams retry, another instance) makes the same review ids:
        // the primary key keeps one set, whoever inserts first.
        var rows = result.Reviews
            .Where(r => r.Due >= today)
            .Select(r => NewReview(
                ReviewId(userId, plan.Id, action.Value("stage")!, action.Value("start")!, r), plan.Id, conversationKey, userId, result.Stage, r, zone, now))
            .ToList();
        var open = await reviews.ListOpenAsync(userId, plan.Id, cancellationToken);
        if (rows.Count > 0 && rows.All(r => open.Any(o => o.Id == r.Id)))
        {
            return [new TextReply("These review dates are already saved."), await ListAsync(userId, plan.Id, zone, now, cancellationToken)];
        }

        // A new schedule for the plan (a later stage, or dates set up again) replaces the one before.
        if (open.Count > 0)
        {
            await reviews.CancelPlanAsync(plan.Id, userId, now, cancellationToken);
        }

        var added = await reviews.AddAsync(rows, now, cancellationToken);
        foreach (var row in rows)
        {
            scheduler.ScheduleDelivery(row.Id, row.RemindAt);
        }

        if (added > 0)
        {
            await audit.WriteAsync(userId, ReviewVerbs.Confirm, plan.Id, cancellationToken);
        }

        var skipped = result.Reviews.Count - rows.Count;
        return
        [
            new TextReply($"Saved {rows.Count} review date(s) for {plan.Title}{(skipped > 0 ? $"; {skipped} in the past were left out" : "")}. I will remind you in working hours. Type my reviews at any time to see them."),
            await ListAsync(userId, plan.Id, zone, now, cancellationToken),
        ];
    }

    private async Task<bool> MarkDoneAsync(StoredReview review, ProposedReview? next, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await reviews.CompleteAsync(review.Id, now, cancellationToken))
        {
            return false;
        }

        if (next is null)
        {
            return true;
        }

        // The next review in the series may already be waiting (from the proposed dates): bring it forward if the
        // rules now want it earlier, never push it later than the practitioner chose.
        var open = await reviews.ListOpenAsync(review.UserId, review.PlanId, cancellationToken);
        var existing = open.FirstOrDefault(r => r.Kind == next.Kind && r.Sequence == next.Sequence);
        var hours = calendar.For(review.TimeZone);
        if (existing is null)
        {
            // Marked done twice at once makes the same next row, kept once.
            var row = NewReview(review.Id + "n", review.PlanId, review.ConversationKey, review.UserId, review.Stage, next, review.TimeZone, now);
            await reviews.AddAsync([row], now, cancellationToken);
            scheduler.ScheduleDelivery(row.Id, row.RemindAt);
        }
        else if (existing.DueDate > next.Due)
        {
            await MoveAsync(existing, next.Due, hours.ReminderSlot(next.Due), hours.ReminderSlot(next.Due, calendar.DaysBefore), ReviewState.Pending, now, cancellationToken);
        }

        return true;
    }

    private async Task<bool> MoveAsync(StoredReview review, DateOnly due, DateTimeOffset dueAt, DateTimeOffset remindAt, ReviewState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await reviews.RescheduleAsync(review.Id, due, dueAt, remindAt, state, now, cancellationToken))
        {
            return false;
        }

        // The job scheduled for the old time still runs, finds the review not yet due, and does nothing.
        scheduler.ScheduleDelivery(review.Id, remindAt);
        return true;
    }

    private async Task<Reply> ListAsync(string userId, string? planId, string zone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await reviews.ListOpenAsync(userId, planId, cancellationToken);
        return ReviewCards.MyReviews(open.Select(r => r.ToSnapshot()).ToList(), calendar.For(zone).LocalDate(now), planId);
    }

    private StoredReview NewReview(string id, string planId, string conversationKey, string userId, ReviewStage stage, ProposedReview review, string zone, DateTimeOffset now)
    {
        var hours = calendar.For(zone);
        return new StoredReview(
            id, planId, conversationKey, userId, stage, review.Kind, review.Sequence, review.Label,
            review.Due, hours.Zone.Id, hours.ReminderSlot(review.Due),
            Later(hours.ReminderSlot(review.Due, calendar.DaysBefore), hours.NextSlot(now)), ReviewState.Pending);
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    // Deterministic, so the same proposal confirmed twice is the same rows; the person is part of it, so it is never guessable across people.
    private static string ReviewId(string userId, string planId, string stage, string start, ProposedReview review) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            FormattableString.Invariant($"{userId}\n{planId}\n{stage}\n{start}\n{review.Kind}\n{review.Sequence}\n{review.Label}"))))[..32];
}
