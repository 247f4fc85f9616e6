namespace KitBot.Channels.Slack;

/// <summary>
/// One acknowledged Slack request, as recorded in table <c>slack_work</c> before Slack was answered: what Slack sent
/// (<paramref name="Kind"/> and <paramref name="Payload"/>, re-read by <see cref="SlackPayloadReader"/> when it runs) and when.
/// </summary>
/// <param name="Id">The row id; also the order in which a conversation's requests are run.</param>
/// <param name="Kind">One of <see cref="SlackWorkKinds"/>.</param>
/// <param name="Payload">The event envelope, the interaction payload, or the slash command's fields, as JSON.</param>
/// <param name="ReceivedAt">When KitBot acknowledged it (the turn's time).</param>
/// <param name="Attempts">How many times an instance has claimed it, this claim included.</param>
public sealed record SlackWork(long Id, string Kind, string Payload, DateTimeOffset ReceivedAt, int Attempts);
