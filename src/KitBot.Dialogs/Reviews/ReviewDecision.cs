using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Reviews;

/// <summary>What a reminder action does to the stored reviews, decided by the core and applied by the host.</summary>
public enum ReviewChange
{
    /// <summary>Nothing changes (an old card, a closed review, a bad date).</summary>
    None,

    /// <summary>The review is done; <see cref="ReviewDecision.Next"/> is the review that follows, if any.</summary>
    MarkDone,

    /// <summary>The reminder comes again after <see cref="ReviewDecision.SnoozeFor"/>.</summary>
    Snooze,

    /// <summary>The review moves to <see cref="ReviewDecision.NewDue"/>.</summary>
    Reschedule,

    /// <summary>Every open review of the plan is cancelled.</summary>
    StopPlan,
}

/// <summary>A pure decision about one review: the change to store and what to tell the practitioner.</summary>
public sealed record ReviewDecision(
    ReviewChange Change,
    IReadOnlyList<Reply> Replies,
    TimeSpan? SnoozeFor = null,
    DateOnly? NewDue = null,
    ProposedReview? Next = null);
