namespace KitBot.Privacy;

/// <summary>One audit record: when, whose, what, on which id. Never content.</summary>
public sealed record AuditEntry(DateTimeOffset At, string UserKey, string Action, string? Subject);
