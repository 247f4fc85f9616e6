using KitBot.Conversations;
using KitBot.Privacy;
using KitBot.Storage;

namespace KitBot.Reminders;

/// <summary>
/// Reminders that could not reach their conversation. When the person writes again, their undeliverable reviews
/// return to pending, each at the next working-hours slot (or its own later reminder time). A reminder that will
/// not arrive (the conversation unreachable, or given up after its retries) is recorded in the audit trail, by
/// review id only; the plan's reminder partner hears of it through <see cref="ReminderEscalation"/>.
/// </summary>
public sealed class UndeliverableReminders(
    IReviewStore reviews,
    ReminderCalendar calendar,
    IReminderScheduler scheduler,
    AuditLog audit,
    ILogger<UndeliverableReminders> logger) : IReachabilityListener
{
    /// <summary>The audit action for a reminder whose conversation answered 403/404 or has no reference.</summary>
    public const string UndeliverableAction = "reminder.undeliverable";

    /// <summary>The audit action for a reminder given up after its retries.</summary>
    public const string FailedAction = "reminder.failed";

    /// <summary>The audit action for reminders returned to pending because the person wrote again.</summary>
    public const string ReopenedAction = "reminder.reopened";

    /// <inheritdoc />
    public async Task ReachableAgainAsync(ConversationReference reference, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ReopenAsync(reference, now, cancellationToken);

    /// <summary>Returns the reviews waiting for <paramref name="reference"/> to pending; how many.</summary>
    public async Task<int> ReopenAsync(ConversationReference reference, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A person writing in their personal chat can be reached there, which is where all their reminders go.
        var waiting = await reviews.ListUndeliverableAsync(reference.Key, reference.IsGroup ? null : reference.UserId, cancellationToken);
        var reopened = 0;
        foreach (var review in waiting)
        {
            var slot = calendar.For(review.TimeZone).NextSlot(now);
            var at = review.RemindAt > slot ? review.RemindAt : slot;
            if (await reviews.ReopenAsync(review.Id, at, now, cancellationToken))
            {
                scheduler.ScheduleDelivery(review.Id, at);
                await audit.WriteAsync(review.UserId, ReopenedAction, review.Id, cancellationToken);
                reopened++;
            }
        }

        if (reopened > 0)
        {
            Log.RemindersReopened(logger, reference.Key, reopened);
        }

        return reopened;
    }

    /// <summary>Records that <paramref name="review"/>'s reminder will not arrive (for now): <paramref name="action"/> is one of this class's actions.</summary>
    public Task NotDeliveredAsync(StoredReview review, string action, CancellationToken cancellationToken) =>
        audit.WriteAsync(review.UserId, action, review.Id, cancellationToken);
}
