namespace KitBot.Requests;

/// <summary>The consultants' Teams channel, when set in settings rather than by an administrator's command.</summary>
public sealed class RequestChannelOptions
{
    /// <summary>The channel: msteams, or slack (then ConversationId is the Slack channel id and TenantId the team id).</summary>
    public string Channel { get; set; } = "msteams";

    /// <summary>The channel's conversation id (19:...@thread.tacv2); empty = not configured in settings.</summary>
    public string ConversationId { get; set; } = "";

    /// <summary>The connector's service URL for the team's region.</summary>
    public string ServiceUrl { get; set; } = "";

    /// <summary>The Teams tenant.</summary>
    public string TenantId { get; set; } = "";

    /// <summary>True when settings name a channel (Teams needs its service URL; Slack finds its API by team).</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConversationId) && (!string.IsNullOrWhiteSpace(ServiceUrl) || Channel == "slack");
}
