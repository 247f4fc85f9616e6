using Microsoft.Extensions.Options;

namespace KitBot.Channels.Slack;

/// <summary>The configured workspaces, by team id: whose secrets verify requests and whose token sends.</summary>
public sealed class SlackWorkspaces(IOptions<SlackOptions> options)
{
    /// <summary>Every configured workspace.</summary>
    public IReadOnlyList<SlackWorkspaceOptions> All => options.Value.Workspaces;

    /// <summary>The workspace with this team id, or null when KitBot does not serve it.</summary>
    public SlackWorkspaceOptions? Find(string? teamId) =>
        teamId is null ? null : All.FirstOrDefault(w => string.Equals(w.TeamId, teamId, StringComparison.Ordinal));
}
