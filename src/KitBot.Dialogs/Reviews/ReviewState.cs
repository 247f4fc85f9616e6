namespace KitBot.Dialogs.Reviews;

/// <summary>Where a review is in its life. Stored by lower-case name: never rename.</summary>
public enum ReviewState
{
    /// <summary>Waiting for its reminder time.</summary>
    Pending,

    /// <summary>Claimed by one delivery, which holds a lease until it sends or the lease runs out.</summary>
    Sending,

    /// <summary>The reminder was delivered; waiting for the practitioner to act on it.</summary>
    Sent,

    /// <summary>Put off by the practitioner; waiting for its new reminder time.</summary>
    Snoozed,

    /// <summary>Marked reviewed.</summary>
    Done,

    /// <summary>Reminders stopped by the practitioner.</summary>
    Cancelled,

    /// <summary>The channel said the conversation is gone or blocked (403/404); not retried.</summary>
    Undeliverable,

    /// <summary>Delivery kept failing for another reason and was given up.</summary>
    Failed,
}
