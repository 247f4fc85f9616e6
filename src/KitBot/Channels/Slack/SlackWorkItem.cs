namespace KitBot.Channels.Slack;

/// <summary>A turn waiting for the background worker; <paramref name="Inline"/> is set when a slash command waits for its answer.</summary>
public sealed record SlackWorkItem(SlackTurnRequest Request, SlackInlineReply? Inline = null);
