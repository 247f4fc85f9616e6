namespace KitBot.Reminders;

/// <summary>What one delivery attempt did.</summary>
public enum DeliveryOutcome
{
    /// <summary>The reminder went out.</summary>
    Sent,

    /// <summary>Nothing to do: not due yet, already claimed or sent, or closed.</summary>
    NotClaimed,

    /// <summary>The channel refused for now (429 or a transient error); it will be tried again later.</summary>
    Retrying,

    /// <summary>The conversation is gone or blocked (403/404), or there is no reference: not retried.</summary>
    Undeliverable,

    /// <summary>Given up after too many attempts, or the message could not be sent at all.</summary>
    Failed,
}
