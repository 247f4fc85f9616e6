namespace KitBot.Channels.Slack;

/// <summary>
/// A card cannot be shown in Slack without losing something that matters (a button's data over 2000 characters,
/// a form over one message). Thrown rather than dropping it silently; the message says which limit, never the content.
/// </summary>
public sealed class BlockKitLimitException(string limit, string message) : Exception(message)
{
    /// <summary>The limit broken, for logs and tests (for example <c>button value</c>).</summary>
    public string Limit { get; } = limit;
}
