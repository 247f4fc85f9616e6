using KitBot.Channels.Teams;
using KitBot.Conversations;
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
    Channels.ChannelDirectory channels,
    ReminderPacer pacer,
    ReminderCalendar calendar,
    IReminderScheduler scheduler,
    UndeliverableReminders undeliverable,
    ReminderEscalation escalation,
    ReviewRouteStore routes,
    TimeProvider time,
    IOptions<ReminderOptions> options,
    ILogger<ReminderDelivery> logger)
{
    private const int MaxSweepRounds = 1000;
    private readonly ReminderOptions _options = options.Value;
    private readonly KitBot.Turns.KeyedLock _conversationLocks = new();

    /// <summary>Delivers one review's reminder if it is due and nobody else has it.</summary>
    public async Task<DeliveryOutcome> DeliverAsync(string reviewId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claimed = await reviews.TryClaimAsync(reviewId, now, now + _options.Lease, cancellationToken);
        if (claimed is null)
        {
            return DeliveryOutcome.NotClaimed;
        }

        // One send at a time per conversation in this instance: after a 403 the next reminder for the same chat
        // sees the unreachable mark instead of asking the channel again.
        using var conversationTurn = await _conversationLocks.AcquireAsync(claimed.ConversationKey, cancellationToken);

        // Pace under the channel's limits while holding the claim, but never long enough to lose the lease:
        // a long wait gives the review back to be sent when the bucket has room.
        var wait = await pacer.WaitAsync(claimed.ConversationKey, _options.Lease / 4, cancellationToken);
        if (wait > TimeSpan.Zero)
        {
            var later = time.GetUtcNow() + wait;
            await reviews.ReleaseAsync(reviewId, later, null, time.GetUtcNow(), cancellationToken);
            scheduler.ScheduleDelivery(reviewId, later);
            return DeliveryOutcome.Retrying;
        }

        now = time.GetUtcNow();
        ConnectorOutcome outcome;
        ConversationReference target;
        if (await ToTeamChannelAsync(claimed, cancellationToken) is { } posted)
        {
            (outcome, target) = posted;
        }
        else
        {
            var reference = await conversations.GetReferenceAsync(claimed.ConversationKey, cancellationToken);
            if (reference is null || reference.Unreachable)
            {
                Log.ReminderUndeliverable(logger, reviewId, claimed.ConversationKey);
                await reviews.MarkConversationUndeliverableAsync(claimed.ConversationKey, now, cancellationToken);
                await AfterUndeliverableAsync(claimed, claimed.ConversationKey, cancellationToken);
                return DeliveryOutcome.Undeliverable;
            }

            var today = calendar.For(claimed.TimeZone).LocalDate(now);
            (outcome, target) = await SendAsync(reference, claimed.UserId, [ReviewCards.Reminder(claimed.ToSnapshot(), today)], cancellationToken);
        }

        now = time.GetUtcNow();
        switch (outcome)
        {
            case ConnectorOutcome.Sent:
                await reviews.MarkSentAsync(reviewId, now, cancellationToken);
                Log.ReminderSent(logger, reviewId, claimed.Attempts);
                return DeliveryOutcome.Sent;
            case ConnectorOutcome.Unconfirmed:
                // At most once: a slow connector has usually taken it, and a reminder shown twice confuses more than
                // the rare one lost to a connector that swallowed it.
                await reviews.MarkSentAsync(reviewId, now, cancellationToken);
                Log.ReminderUnconfirmed(logger, reviewId);
                return DeliveryOutcome.Sent;
            case ConnectorOutcome.Unreachable:
                // The sender has marked the reference; every review waiting for this conversation stops here, so a
                // blocked bot is asked once, not once per review per sweep.
                var count = await reviews.MarkConversationUndeliverableAsync(claimed.ConversationKey, now, cancellationToken);
                Log.ReminderUnreachable(logger, reviewId, claimed.ConversationKey, count);
                await AfterUndeliverableAsync(claimed, target.Key, cancellationToken);
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
                await undeliverable.NotDeliveredAsync(claimed, UndeliverableReminders.FailedAction, cancellationToken);
                await escalation.UndeliveredAsync(reviewId, cancellationToken);
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

        // Reminders left unanswered, or that could not reach their owner, go to the plan's reminder partner (if any).
        await escalation.SweepAsync(cancellationToken);
        return sent;
    }

    /// <summary>
    /// After marking a conversation's reviews undeliverable: recorded in the audit trail, and, if the person wrote
    /// again (on any instance) between the channel's refusal and the marking, returned to pending at once; the
    /// listener on the reference store covers a person who writes after this check.
    /// </summary>
    private async Task AfterUndeliverableAsync(StoredReview claimed, string markedKey, CancellationToken cancellationToken)
    {
        await undeliverable.NotDeliveredAsync(claimed, UndeliverableReminders.UndeliverableAction, cancellationToken);
        if (await conversations.GetReferenceAsync(markedKey, cancellationToken) is { Unreachable: false } healed)
        {
            await undeliverable.ReopenAsync(healed, time.GetUtcNow(), cancellationToken);
        }

        // Still undeliverable (the person has not written again): the plan's reminder partner, if any, hears of it.
        await escalation.UndeliveredAsync(claimed.Id, cancellationToken);
    }

    /// <summary>
    /// For a person who chose their team's channel ("send my reviews here"): posts the short reminder there (who it is for
    /// and when it is due, nothing about the child). Null when it goes to their personal chat instead: no channel chosen,
    /// or the channel cannot be reached (KitBot was removed from it), so the reminder still reaches its owner.
    /// </summary>
    private async Task<(ConnectorOutcome Outcome, ConversationReference Target)?> ToTeamChannelAsync(StoredReview claimed, CancellationToken cancellationToken)
    {
        if (!_options.TeamChannels
            || await routes.GetAsync(claimed.UserId, cancellationToken) is not { } route
            || await conversations.GetReferenceAsync(route.ChannelKey, cancellationToken) is not { Unreachable: false } team)
        {
            return null;
        }

        var outcome = await channels.SendAsync(team, [ReviewCards.TeamNotice(claimed.Id, claimed.DueDate, route.ShownAs)], cancellationToken);
        if (outcome == ConnectorOutcome.Unreachable)
        {
            Log.ReminderTeamChannelUnreachable(logger, claimed.Id, team.Key);
            return null;
        }

        Log.ReminderToTeamChannel(logger, claimed.Id, team.Key);
        return (outcome, team);
    }

    /// <summary>Sends through the reference's own channel, whichever it is; the outcome and the conversation it went to.</summary>
    private async Task<(ConnectorOutcome Outcome, ConversationReference Target)> SendAsync(ConversationReference reference, string userId, IReadOnlyList<Dialogs.Turns.Reply> replies, CancellationToken cancellationToken)
    {
        if (channels.For(reference) is not { } channel)
        {
            return (ConnectorOutcome.Failed, reference);
        }

        if (reference.IsGroup)
        {
            // A reminder is the practitioner's own business: from a channel or group chat it goes to their 1:1 chat.
            if (await channel.OpenPersonalChatAsync(reference, userId, cancellationToken) is not { } personal)
            {
                return (ConnectorOutcome.Failed, reference);
            }

            if (personal.Unreachable)
            {
                // They blocked KitBot in their personal chat: it waits until they write again.
                return (ConnectorOutcome.Unreachable, personal);
            }

            reference = personal;
        }

        return (await channels.SendAsync(reference with { UserId = userId }, replies, cancellationToken), reference);
    }

    // Exponential backoff with jitter, so many reminders refused together do not come back together.
    private TimeSpan RetryDelay(int attempt)
    {
        var exponential = _options.FirstRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1));
        var capped = Math.Min(exponential, _options.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (1 + (Random.Shared.NextDouble() * 0.2)));
    }
}
