using KitBot.Dialogs.Turns;

namespace KitBot.Channels.Slack;

/// <summary>
/// A verified, parsed Slack request that becomes one turn: who, where, what, and where the replies go.
/// </summary>
/// <param name="TeamId">The workspace.</param>
/// <param name="ChannelId">The Slack channel (a DM is <c>D...</c>): the conversation.</param>
/// <param name="UserId">Who acted.</param>
/// <param name="IsDirect">True in a direct message with KitBot; false where others can read.</param>
/// <param name="Input">What they did, as the core's input.</param>
/// <param name="Timestamp">When, in UTC.</param>
/// <param name="BotUserId">KitBot's own user id in the workspace, when the payload says.</param>
/// <param name="ThreadTs">Reply in this thread, when the request came from one.</param>
/// <param name="ResponseUrl">The interaction's or command's <c>response_url</c>, for ephemeral replies.</param>
/// <param name="Ephemeral">True when replies must be seen only by this person (slash commands, ephemeral messages).</param>
public sealed record SlackTurnRequest(
    string TeamId,
    string ChannelId,
    string UserId,
    bool IsDirect,
    TurnInput Input,
    DateTimeOffset Timestamp,
    string? BotUserId = null,
    string? ThreadTs = null,
    string? ResponseUrl = null,
    bool Ephemeral = false);
