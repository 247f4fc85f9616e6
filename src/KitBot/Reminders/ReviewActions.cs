using System.Security.Cryptography;
using System.Text;
using KitBot.Dialogs.Reviews;
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
    ReminderCalendar calendar,
    IReminderScheduler scheduler,
    TimeProvider time,
    Privacy.AuditLog audit,
    ILogger<ReviewActions> logger) : Turns.IHostActions
{
    /// <summary>The replies when <paramref name="turn"/> is a review action the host answers; null to let the dialog core have it.</summary>
    public async Task<IReadOnlyList<Reply>?> TryHandleAsync(Turn turn, string conversationKey, CancellationToken cancellationToken)
    {
        var action = turn.Input switch
        {
            CardActionInput card when ReviewVerbs.Stored.Contains(card.Action.Verb) => card.Action,
            TextInput text when Reviews.Command(text.Text) is { } verb =>
                new CardAction(verb, null, null, new Dictionary<string, string>()),
            _ => null,
        };
        if (action is null)
        {
            return null;
        }

        var userId = turn.User.Id;
        var now = time.GetUtcNow();
        switch (action.Verb)
        {
            case ReviewVerbs.Setup:
                return [ReviewCards.Setup()];
            case ReviewVerbs.List:
                return [await ListAsync(userId, null, calendar.ResolveZone(turn.TimeZone), now, cancellationToken)];
            case ReviewVerbs.Confirm:
                return await ConfirmAsync(action, turn, conversationKey, now, cancellationToken);
        }

        var review = action.Value(ReviewVerbs.ReviewId) is { } id ? await reviews.GetAsync(id, cancellationToken) : null;
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
            : [new TextReply("That review has already been dealt with, so nothing has changed. Type my reviews to see where things are.")];
    }

    private async Task<IReadOnlyList<Reply>> ConfirmAsync(CardAction action, Turn turn, string conversationKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var confirmed = ReviewProposals.Confirmed(action, calendar.Rules, out var problem);
        if (confirmed is not { } result)
        {
            return [new TextReply(problem!), ReviewCards.Setup()];
        }

        var userId = turn.User.Id;
        // The same card confirmed twice (a double click, a retry) is the same plan: its id comes from the card.
        var planId = PlanId(userId, action.Value("stage")!, action.Value("start")!);
        var zone = calendar.ResolveZone(turn.TimeZone);
        if ((await reviews.ListOpenAsync(userId, planId, cancellationToken)).Count > 0)
        {
            return [new TextReply("These review dates are already saved."), await ListAsync(userId, planId, zone, now, cancellationToken)];
        }

        var hours = calendar.For(zone);
        var today = hours.LocalDate(now);
        var rows = result.Reviews
            .Where(r => r.Due >= today)
            .Select(r => NewReview(planId, conversationKey, userId, result.Stage, r, zone, now))
            .ToList();
        await reviews.AddAsync(rows, now, cancellationToken);
        foreach (var row in rows)
        {
            scheduler.ScheduleDelivery(row.Id, row.RemindAt);
        }

        var skipped = result.Reviews.Count - rows.Count;
        return
        [
            new TextReply($"Saved {rows.Count} review date(s){(skipped > 0 ? $"; {skipped} in the past were left out" : "")}. I will remind you in working hours. Type my reviews at any time to see them."),
            await ListAsync(userId, planId, zone, now, cancellationToken),
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
            var row = NewReview(review.PlanId, review.ConversationKey, review.UserId, review.Stage, next, review.TimeZone, now);
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

    private StoredReview NewReview(string planId, string conversationKey, string userId, ReviewStage stage, ProposedReview review, string zone, DateTimeOffset now)
    {
        var hours = calendar.For(zone);
        return new StoredReview(
            StoredReview.NewId(), planId, conversationKey, userId, stage, review.Kind, review.Sequence, review.Label,
            review.Due, hours.Zone.Id, hours.ReminderSlot(review.Due),
            Later(hours.ReminderSlot(review.Due, calendar.DaysBefore), hours.NextSlot(now)), ReviewState.Pending);
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static string PlanId(string userId, string stage, string start) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{userId}\n{stage}\n{start}")))[..32];
}
