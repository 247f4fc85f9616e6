namespace KitBot.Channels.Teams;

/// <summary>The result of opening a 1:1 chat.</summary>
/// <param name="Outcome">Sent when the connector returned the conversation.</param>
/// <param name="ConversationId">The chat's conversation id, when sent.</param>
/// <param name="ServiceUrl">The service URL to use for the chat (the connector may name another one).</param>
/// <param name="StatusCode">The connector's last HTTP status, if it answered.</param>
public sealed record CreateConversationResult(
    ConnectorOutcome Outcome,
    string? ConversationId = null,
    string? ServiceUrl = null,
    int? StatusCode = null);
