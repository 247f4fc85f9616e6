namespace KitBot.Channels.Teams;

/// <summary>What happened to an outgoing activity.</summary>
public enum ConnectorOutcome
{
    /// <summary>The connector accepted it.</summary>
    Sent,

    /// <summary>403 or 404: the conversation is gone or the user blocked the bot. Final; do not retry.</summary>
    Unreachable,

    /// <summary>Refused before sending: larger than the message size limit.</summary>
    TooLarge,

    /// <summary>Retries ran out, or the connector answered another error.</summary>
    Failed,

    /// <summary>
    /// Posted, but no answer came within the attempt timeout: the connector may have taken it (a slow connector
    /// usually has), so it is not posted again. Only for posts, which are not idempotent; an update is retried.
    /// </summary>
    Unconfirmed,
}
