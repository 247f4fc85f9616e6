using KitBot.Dialogs.Reviews;

namespace KitBot.Storage;

/// <summary>
/// The reviews table. Delivery is made idempotent here: <see cref="TryClaimAsync"/> moves a due review to
/// <c>sending</c> in one conditional update, so of two deliveries racing for it (a scheduled job and the sweep,
/// or two KitBot instances) exactly one wins; a claim whose lease runs out can be claimed again.
/// </summary>
public interface IReviewStore
{
    /// <summary>Saves new reviews; one whose id is already stored is left as it is (a card confirmed twice). Returns how many were added.</summary>
    Task<int> AddAsync(IReadOnlyList<StoredReview> reviews, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Finds a review by id.</summary>
    Task<StoredReview?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>A practitioner's reviews that are not done or stopped, soonest first; optionally one plan's only.</summary>
    Task<IReadOnlyList<StoredReview>> ListOpenAsync(string userId, string? planId, CancellationToken cancellationToken);

    /// <summary>Ids of reviews whose reminder is due and undelivered (or whose claim's lease ran out), soonest first.</summary>
    Task<IReadOnlyList<string>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Claims a due review for delivery until <paramref name="leaseUntil"/>; null when it is not due, already
    /// claimed under a live lease, sent, or closed. Exactly one of any number of concurrent callers gets it.
    /// </summary>
    Task<StoredReview?> TryClaimAsync(string id, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Records a claimed review as sent; false when the claim was lost meanwhile.</summary>
    Task<bool> MarkSentAsync(string id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Gives a claimed review back to be tried again at <paramref name="retryAt"/> (after a 429 or a transient failure).</summary>
    Task<bool> ReleaseAsync(string id, DateTimeOffset retryAt, int? status, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Gives up on a claimed review (<see cref="ReviewState.Undeliverable"/> or <see cref="ReviewState.Failed"/>).</summary>
    Task<bool> GiveUpAsync(string id, ReviewState state, int? status, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Marks every undelivered review for a conversation undeliverable (the channel answered 403 or 404); returns how many.</summary>
    Task<int> MarkConversationUndeliverableAsync(string conversationKey, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// The undeliverable reviews waiting for a conversation to be reachable again: those for
    /// <paramref name="conversationKey"/>, and, when <paramref name="userId"/> is given (a personal chat), that
    /// person's from any conversation (their reminders come to their personal chat).
    /// </summary>
    Task<IReadOnlyList<StoredReview>> ListUndeliverableAsync(string conversationKey, string? userId, CancellationToken cancellationToken);

    /// <summary>
    /// Returns an undeliverable review to pending with its reminder at <paramref name="remindAt"/> and its attempts
    /// reset; false when it is no longer undeliverable.
    /// </summary>
    Task<bool> ReopenAsync(string id, DateTimeOffset remindAt, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Moves an open review (snooze or reschedule): new due date and reminder time, state <paramref name="state"/>,
    /// attempts reset. False when it is done or stopped.
    /// </summary>
    Task<bool> RescheduleAsync(string id, DateOnly dueDate, DateTimeOffset dueAt, DateTimeOffset remindAt, ReviewState state, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Marks an open review done; false when it already was done or stopped.</summary>
    Task<bool> CompleteAsync(string id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Stops every open review of a plan belonging to <paramref name="userId"/>; returns how many.</summary>
    Task<int> CancelPlanAsync(string planId, string userId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a plan's open reviews from <paramref name="fromUserId"/> to <paramref name="toUserId"/>, whose reminders
    /// go to <paramref name="toConversationKey"/> (a hand-over). Returns how many moved; a second call moves none.
    /// </summary>
    Task<int> MovePlanAsync(string planId, string fromUserId, string toUserId, string toConversationKey, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Reviews whose reminder may be due to go to the plan's reminder partner: not yet escalated, with a partner, and
    /// either sent on or before <paramref name="sentBefore"/> and still unanswered, or due by <paramref name="now"/>
    /// and undeliverable or failed. The caller decides with the working-days rule.
    /// </summary>
    Task<IReadOnlyList<StoredReview>> EscalationCandidatesAsync(DateTimeOffset now, DateTimeOffset sentBefore, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Records that a review's reminder goes to the partner, if it has not already and the review still waits for
    /// an answer (sent, undeliverable or failed). Exactly one of any number of concurrent callers gets true.
    /// </summary>
    Task<bool> TryMarkEscalatedAsync(string id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Takes an escalation mark back (the partner could not be reached either), so a later sweep may try again.</summary>
    Task UnmarkEscalatedAsync(string id, CancellationToken cancellationToken);
}
