namespace KitBot.Channels.Slack;

/// <summary>A card translated for Slack: its messages and, when its form does not fit a message, the form for a modal.</summary>
/// <param name="Messages">The messages to post, in order; with <paramref name="Form"/>, the last one has the "Open the form" button.</param>
/// <param name="Form">The form to open as a modal, when it needs more than one message's 50 blocks.</param>
public sealed record SlackCard(IReadOnlyList<SlackMessage> Messages, SlackForm? Form);
