namespace KitBot.Conversations;

/// <summary>
/// What KitBot keeps to message a conversation later (a reminder, a consultant's reply): where the channel's
/// service is and who is in it. No message content.
/// </summary>
/// <param name="Key">The storage key, <c>{channel}:{conversationId}</c>.</param>
/// <param name="Channel">The channel id: <c>msteams</c>, <c>slack</c>, <c>emulator</c>...</param>
/// <param name="ConversationId">The channel's conversation id.</param>
/// <param name="ServiceUrl">Where the channel's connector is (Teams); empty for Slack.</param>
/// <param name="UserId">The person's channel id.</param>
/// <param name="BotId">The bot's id in the channel.</param>
/// <param name="TenantId">The Teams tenant or Slack team.</param>
/// <param name="IsGroup">True for channels and group chats.</param>
/// <param name="Unreachable">Set when the channel said the conversation is gone or blocked (403/404).</param>
public sealed record ConversationReference(
    string Key,
    string Channel,
    string ConversationId,
    string ServiceUrl,
    string UserId,
    string? BotId,
    string? TenantId,
    bool IsGroup,
    bool Unreachable = false)
{
    /// <summary>The storage key for a conversation.</summary>
    public static string KeyFor(string channel, string conversationId) => $"{channel}:{conversationId}";

    /// <summary>The key of one person's state in a conversation: each person has their own (and their own plans).</summary>
    public static string StateKeyFor(string conversationKey, string userId) => $"{conversationKey}:{userId}";
}
