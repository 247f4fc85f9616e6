using KitBot.Channels.Teams;
using KitBot.Dialogs.Reviews;
using KitBot.Storage;
using Microsoft.Extensions.Options;

namespace KitBot.Reminders;

/// <summary>
/// Delivers review reminders proactively: claim the review atomically, send the reminder card to the stored
/// conversation, record the result. Safe to run any number of times for the same review, from the scheduled
/// job, the sweep, or several instances: only the claim's winner sends.
/// </summary>
public sealed class ReminderDelivery(
    IReviewStore reviews,
    IConversationStore conversations,
    TeamsSender sender,
    ReminderPacer pacer,
    ReminderCalendar calendar,
    IReminderScheduler scheduler,
    TimeProvider time,
    IOptions<ReminderOptions> options,
    ILogger<ReminderDelivery> logger)
{
    private const int MaxSweepRounds = 1000;
    private readonly ReminderOptions _options = options.Value;

    /// <summary>Delivers one review's reminder if it is due and nobody else has it.</summary>
    public async Task<DeliveryOutcome> DeliverAsync(string reviewId, CancellationToken cancellationToken)
    {
        // Pace before claiming, so a wait never eats into the claim's lease; a token spent on a review another
        // instance wins only slows this instance a little.
        var review = await reviews.GetAsync(reviewId, cancellationToken);
        if (review is null || review.State is not (ReviewState.Pending or ReviewState.Snoozed or ReviewState.Sending)
            || review.RemindAt > time.GetUtcNow())
        {
            return DeliveryOutcome.NotClaimed;
        }

        await pacer.WaitAsync(review.ConversationKey, cancellationToken);
        var now = time.GetUtcNow();
        var claimed = await reviews.TryClaimAsync(reviewId, now, now + _options.Lease, cancellationToken);
        if (claimed is null)
        {
            return DeliveryOutcome.NotClaimed;
        }

        var reference = await conversations.GetReferenceAsync(claimed.ConversationKey, cancellationToken);
        if (reference is null || reference.Unreachable)
        {
            Log.ReminderUndeliverable(logger, reviewId, claimed.ConversationKey);
            await reviews.MarkConversationUndeliverableAsync(claimed.ConversationKey, now, cancellationToken);
            return DeliveryOutcome.Undeliverable;
        }

        var today = calendar.For(claimed.TimeZone).LocalDate(now);
        var outcome = await sender.SendAsync(reference, [ReviewCards.Reminder(claimed.ToSnapshot(), today)], cancellationToken);
        now = time.GetUtcNow();
        switch (outcome)
        {
            case ConnectorOutcome.Sent:
                await reviews.MarkSentAsync(reviewId, now, cancellationToken);
                Log.ReminderSent(logger, reviewId, claimed.Attempts);
                return DeliveryOutcome.Sent;
            case ConnectorOutcome.Unreachable:
                // The sender has marked the reference; every review waiting for this conversation stops here, so a
                // blocked bot is asked once, not once per review per sweep.
                var count = await reviews.MarkConversationUndeliverableAsync(claimed.ConversationKey, now, cancellationToken);
                Log.ReminderUnreachable(logger, reviewId, claimed.ConversationKey, count);
                return DeliveryOutcome.Undeliverable;
            case ConnectorOutcome.Failed when claimed.Attempts < _options.MaxAttempts:
                var retryAt = now + RetryDelay(claimed.Attempts);
                await reviews.ReleaseAsync(reviewId, retryAt, null, now, cancellationToken);
                scheduler.ScheduleDelivery(reviewId, retryAt);
                Log.ReminderRetrying(logger, reviewId, claimed.Attempts, retryAt);
                return DeliveryOutcome.Retrying;
            default:
                await reviews.GiveUpAsync(reviewId, ReviewState.Failed, null, now, cancellationToken);
                Log.ReminderFailed(logger, reviewId, claimed.Attempts, outcome.ToString());
                return DeliveryOutcome.Failed;
        }
    }

    /// <summary>Delivers everything due and undelivered, in rounds, until a round finds nothing it can claim.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        for (var round = 0; round < MaxSweepRounds; round++)
        {
            var due = await reviews.DueAsync(time.GetUtcNow(), _options.SweepBatch, cancellationToken);
            if (due.Count == 0)
            {
                break;
            }

            var progressed = 0;
            await Parallel.ForEachAsync(
                due,
                new ParallelOptions { MaxDegreeOfParallelism = _options.DeliveryConcurrency, CancellationToken = cancellationToken },
                async (id, ct) =>
                {
                    DeliveryOutcome outcome;
                    try
                    {
                        outcome = await DeliverAsync(id, ct);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // One bad review must not stop the sweep; its lease runs out and a later sweep tries again.
                        Log.ReminderError(logger, id, e.GetType().Name, e);
                        return;
                    }

                    if (outcome == DeliveryOutcome.Sent)
                    {
                        Interlocked.Increment(ref sent);
                    }

                    if (outcome != DeliveryOutcome.NotClaimed)
                    {
                        Interlocked.Increment(ref progressed);
                    }
                });

            if (progressed == 0)
            {
                break;
            }
        }

        return sent;
    }

    // Exponential backoff with jitter, so many reminders refused together do not come back together.
    private TimeSpan RetryDelay(int attempt)
    {
        var exponential = _options.FirstRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1));
        var capped = Math.Min(exponential, _options.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (1 + (Random.Shared.NextDouble() * 0.2)));
    }
}
