using System.Text.Json.Nodes;

namespace KitBot.Channels.Slack;

/// <summary>What <see cref="SlackIntake"/> made of a request.</summary>
/// <param name="Outcome">How it was answered.</param>
/// <param name="Text">The challenge to echo, or the problem with a malformed request.</param>
/// <param name="Body">A slash command's immediate answer.</param>
public sealed record SlackIntakeResult(SlackIntakeOutcome Outcome, string? Text = null, JsonObject? Body = null)
{
    public static readonly SlackIntakeResult Ok = new(SlackIntakeOutcome.Ok);
}
