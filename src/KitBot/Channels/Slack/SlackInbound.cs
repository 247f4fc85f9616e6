namespace KitBot.Channels.Slack;

/// <summary>What a verified Slack request turned out to be, read from its payload before any work is queued.</summary>
/// <param name="TeamId">The workspace the payload names (checked against the one whose secret signed it).</param>
/// <param name="Request">The turn to run, when there is one.</param>
/// <param name="EventId">The Events API <c>event_id</c>, for de-duplicating retries.</param>
/// <param name="Challenge">The <c>url_verification</c> challenge to echo.</param>
/// <param name="Ignored">Why a well-formed request needs no turn (a bot's message, an unknown type...).</param>
/// <param name="Problem">Why the payload is malformed (answered 400).</param>
/// <param name="OpenForm">A press of "Open the form": answered in the request itself, before any queued work.</param>
public sealed record SlackInbound(
    string? TeamId,
    SlackTurnRequest? Request = null,
    string? EventId = null,
    string? Challenge = null,
    string? Ignored = null,
    string? Problem = null,
    SlackFormRequest? OpenForm = null)
{
    public static SlackInbound Malformed(string problem) => new(null, Problem: problem);

    public static SlackInbound Ignore(string? teamId, string reason) => new(teamId, Ignored: reason);
}
