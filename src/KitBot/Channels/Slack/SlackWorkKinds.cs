namespace KitBot.Channels.Slack;

/// <summary>What a <see cref="SlackWork"/> payload is, so the worker reads it the way the endpoint did.</summary>
public static class SlackWorkKinds
{
    /// <summary>An Events API envelope (<c>event_callback</c>).</summary>
    public const string Event = "event";

    /// <summary>An interaction payload (<c>block_actions</c>, <c>view_submission</c>).</summary>
    public const string Interaction = "interaction";

    /// <summary>A slash command's fields, as a JSON object of strings.</summary>
    public const string Command = "command";
}
