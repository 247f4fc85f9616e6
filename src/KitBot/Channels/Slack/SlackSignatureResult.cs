namespace KitBot.Channels.Slack;

/// <summary>The outcome of checking a request's signature.</summary>
/// <param name="Workspaces">The configured workspaces whose secret matched; empty on failure.</param>
/// <param name="Failure">Why it failed (for the log; never sent back).</param>
public sealed record SlackSignatureResult(IReadOnlyList<SlackWorkspaceOptions> Workspaces, string? Failure)
{
    public bool IsValid => Workspaces.Count > 0;

    /// <summary>The workspace that signed the request and is named by the payload, or null.</summary>
    public SlackWorkspaceOptions? For(string? teamId) =>
        teamId is null ? null : Workspaces.FirstOrDefault(w => string.Equals(w.TeamId, teamId, StringComparison.Ordinal));

    internal static SlackSignatureResult Fail(string reason) => new([], reason);
}
