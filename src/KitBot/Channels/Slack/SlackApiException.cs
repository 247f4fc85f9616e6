namespace KitBot.Channels.Slack;

/// <summary>A Web API call that Slack answered with <c>ok:false</c> (its error code, e.g. <c>channel_not_found</c>) or an HTTP error.</summary>
public sealed class SlackApiException(string method, string error)
    : Exception($"Slack {method} failed: {error}")
{
    /// <summary>The Web API method, for example <c>chat.postMessage</c>.</summary>
    public string Method { get; } = method;

    /// <summary>Slack's error code (<c>invalid_blocks</c>, <c>ratelimited</c>...), or <c>http_NNN</c>.</summary>
    public string Error { get; } = error;

    /// <summary>True when the conversation is gone or closed to the bot: final, not worth retrying.</summary>
    public bool IsUnreachable => Error is "channel_not_found" or "is_archived" or "not_in_channel" or "account_inactive"
        or "user_not_found" or "user_disabled" or "cannot_dm_bot" or "messages_tab_disabled" or "team_access_not_granted"
        or "restricted_action";
}
