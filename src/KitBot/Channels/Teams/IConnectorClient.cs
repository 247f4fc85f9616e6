using KitBot.Conversations;

namespace KitBot.Channels.Teams;

/// <summary>Sends activities to a Bot Framework connector (the activity's <c>serviceUrl</c>).</summary>
public interface IConnectorClient
{
    /// <summary>Posts an activity to a conversation (<c>POST /v3/conversations/{id}/activities</c>).</summary>
    Task<ConnectorResult> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken);

    /// <summary>Replaces a message (<c>PUT /v3/conversations/{id}/activities/{activityId}</c>), for example to refresh a card.</summary>
    Task<ConnectorResult> UpdateAsync(ConversationReference reference, string activityId, Activity activity, CancellationToken cancellationToken);
}

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
}

/// <summary>The result of a connector call.</summary>
public sealed record ConnectorResult(ConnectorOutcome Outcome, string? ActivityId = null, int? StatusCode = null);
