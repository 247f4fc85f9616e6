namespace KitBot.Reminders;

/// <summary>
/// Where a person's review reminders go instead of their personal chat (table <c>review_route</c>): a team channel they
/// chose, and how that channel names them to colleagues (a Teams display name or a Slack mention).
/// </summary>
public sealed record ReviewRoute(string UserId, string ChannelKey, string ShownAs);
