namespace KitBot.Channels.Slack;

/// <summary>Where a Slack turn's replies go: a thread, an ephemeral answer through <c>response_url</c>, or inline in a slash command's response.</summary>
/// <param name="ThreadTs">The thread to answer in, when the turn came from one.</param>
/// <param name="ResponseUrl">The interaction's <c>response_url</c>, for answers only the person sees.</param>
/// <param name="Ephemeral">True when only the person may see the answer (a slash command).</param>
/// <param name="Inline">The waiting slash-command request, when it can still answer inline.</param>
public sealed record SlackRoute(string? ThreadTs, string? ResponseUrl, bool Ephemeral, SlackInlineReply? Inline) : ReplyRoute
{
    /// <inheritdoc />
    public override bool IsPrivate => Ephemeral && ResponseUrl is not null;
}
