using KitBot.Channels;
using KitBot.Channels.Teams;
using KitBot.Dialogs.Handover;
using KitBot.Dialogs.Reviews;
using KitBot.Dialogs.Turns;
using KitBot.Handover;
using KitBot.Privacy;
using KitBot.Storage;
using Microsoft.Extensions.Options;

namespace KitBot.Reminders;

/// <summary>
/// Sends a review's reminder to the plan's reminder partner when the owner's chat cannot be reached, or when the
/// reminder has gone unanswered for <c>Reminders:EscalateAfterWorkingDays</c> working days. At most once per review,
/// whichever instance or path gets there first: the review's <c>escalated_at</c> is claimed with one conditional update.
/// </summary>
public sealed class ReminderEscalation(
    IReviewStore reviews,
    HandoverStore partners,
    IConversationStore conversations,
    ChannelDirectory channels,
    ReminderCalendar calendar,
    TimeProvider time,
    IOptions<ReminderOptions> options,
    AuditLog audit,
    ILogger<ReminderEscalation> logger)
{
    /// <summary>The audit action for a reminder sent to the plan's reminder partner (subject: the review id).</summary>
    public const string EscalatedAction = "reminder.partner";

    private readonly ReminderOptions _options = options.Value;

    /// <summary>Right after a reminder could not reach its owner: sends it to the partner, if the plan has one. Never throws.</summary>
    public async Task<bool> UndeliveredAsync(string reviewId, CancellationToken cancellationToken)
    {
        try
        {
            if (await reviews.GetAsync(reviewId, cancellationToken) is not { State: ReviewState.Undeliverable or ReviewState.Failed } review
                || await partners.GetPartnerAsync(review.PlanId, review.UserId, cancellationToken) is not { } partner)
            {
                return false;
            }

            return await SendAsync(review, partner, unreachable: true, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The sweep tries again: the review is still waiting and not yet escalated.
            Log.ReminderEscalationError(logger, reviewId, e.GetType().Name, e);
            return false;
        }
    }

    /// <summary>Sends every reminder now due to a partner (unanswered long enough, or undeliverable); how many went.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // N working days are at least N calendar days: the database narrows, the working-days rule decides.
        var candidates = await reviews.EscalationCandidatesAsync(now, now.AddDays(-_options.EscalateAfterWorkingDays), _options.SweepBatch, cancellationToken);
        var sent = 0;
        foreach (var review in candidates)
        {
            var unreachable = review.State != ReviewState.Sent;
            if (!unreachable && (review.SentAt is not { } sentAt
                || !HandoverRules.Unanswered(sentAt, now, _options.EscalateAfterWorkingDays, calendar.For(review.TimeZone))))
            {
                continue;
            }

            try
            {
                if (await partners.GetPartnerAsync(review.PlanId, review.UserId, cancellationToken) is { } partner
                    && await SendAsync(review, partner, unreachable, cancellationToken))
                {
                    sent++;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.ReminderEscalationError(logger, review.Id, e.GetType().Name, e);
            }
        }

        return sent;
    }

    private async Task<bool> SendAsync(StoredReview review, PlanPartner partner, bool unreachable, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!await reviews.TryMarkEscalatedAsync(review.Id, now, cancellationToken))
        {
            return false;
        }

        var reason = unreachable ? "unreachable" : "unanswered";
        var reference = await conversations.GetReferenceAsync(partner.PartnerConversationKey, cancellationToken);
        if (reference is null || reference.Unreachable)
        {
            // The partner cannot be reached either: kept as escalated (once per review), and recorded.
            Log.ReminderEscalated(logger, review.Id, reason, "partner unreachable");
            return false;
        }

        var due = ReviewCards.Show(review.DueDate);
        var text = unreachable
            ? HandoverMessages.EscalatedUnreachable(review.Label, due)
            : HandoverMessages.EscalatedUnanswered(review.Label, due, _options.EscalateAfterWorkingDays);
        var outcome = await channels.SendAsync(reference with { UserId = partner.PartnerUserId }, [new TextReply(text)], cancellationToken);
        Log.ReminderEscalated(logger, review.Id, reason, outcome.ToString());
        if (outcome == ConnectorOutcome.Failed)
        {
            // Not delivered (retries ran out): a later sweep may try again.
            await reviews.UnmarkEscalatedAsync(review.Id, cancellationToken);
            return false;
        }

        await audit.WriteAsync(review.UserId, EscalatedAction, review.Id, cancellationToken);
        return outcome is ConnectorOutcome.Sent or ConnectorOutcome.Unconfirmed;
    }
}
