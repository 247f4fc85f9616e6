using KitBot.Conversations;

namespace KitBot.Channels.Teams;

/// <summary>Sends activities to a Bot Framework connector (the activity's <c>serviceUrl</c>).</summary>
public interface IConnectorClient
{
    /// <summary>Posts an activity to a conversation (<c>POST /v3/conversations/{id}/activities</c>).</summary>
    Task<ConnectorResult> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken);

    /// <summary>Replaces a message (<c>PUT /v3/conversations/{id}/activities/{activityId}</c>), for example to refresh a card.</summary>
    Task<ConnectorResult> UpdateAsync(ConversationReference reference, string activityId, Activity activity, CancellationToken cancellationToken);

    /// <summary>
    /// Opens (or finds) the 1:1 chat between the bot and a user, for a proactive message
    /// (<c>POST /v3/conversations</c>). Teams needs the tenant id.
    /// </summary>
    Task<CreateConversationResult> CreateConversationAsync(
        string serviceUrl, string botId, string userId, string? tenantId, CancellationToken cancellationToken);
}
