using System.Text.Json.Nodes;

namespace KitBot.Channels.Slack;

/// <summary>One Slack message: the notification/fallback text and its Block Kit blocks (at most 50).</summary>
public sealed record SlackMessage(string Text, JsonArray Blocks);
