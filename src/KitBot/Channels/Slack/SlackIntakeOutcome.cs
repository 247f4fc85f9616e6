namespace KitBot.Channels.Slack;

/// <summary>How <see cref="SlackIntake"/> answered a request; each transport (HTTP, Socket Mode) says it its own way.</summary>
public enum SlackIntakeOutcome
{
    /// <summary>Acknowledged (recorded, or nothing to do).</summary>
    Ok,

    /// <summary>A <c>url_verification</c>: echo the challenge.</summary>
    Challenge,

    /// <summary>Malformed: nothing done (HTTP 400).</summary>
    Malformed,

    /// <summary>The payload's team is not one KitBot may serve here (HTTP 401).</summary>
    Refused,

    /// <summary>The person is over the turn rate limit: nothing done (HTTP 429).</summary>
    TooMany,

    /// <summary>The work queue is full: nothing recorded; Slack should try again (HTTP 503).</summary>
    Busy,

    /// <summary>A slash command's immediate answer, in <see cref="SlackIntakeResult.Body"/>.</summary>
    Answer,
}
