namespace KitBot.Channels.Teams;

/// <summary>The result of a connector call.</summary>
public sealed record ConnectorResult(ConnectorOutcome Outcome, string? ActivityId = null, int? StatusCode = null);
