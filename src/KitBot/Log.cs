namespace KitBot;

/// <summary>
/// Every log message the host writes (STYLE.md 12). Ids and event names only: never what a user typed,
/// a token or a secret. Event ids: 1xxx host, 2xxx Teams, 3xxx turns, 4xxx storage, 5xxx cards, 7xxx reminders.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information, "KitBot is listening on {Url}")]
    public static partial void Listening(ILogger logger, string url);

    [LoggerMessage(2001, LogLevel.Warning, "Teams request refused: authentication failed ({Reason})")]
    public static partial void AuthenticationFailed(ILogger logger, string reason);

    [LoggerMessage(2002, LogLevel.Warning, "Teams request refused: malformed activity ({Problem})")]
    public static partial void MalformedActivity(ILogger logger, string problem);

    [LoggerMessage(2003, LogLevel.Error, "Outgoing activity for {ConversationKey} is {Bytes} bytes, over the {Limit}-byte limit; not sent")]
    public static partial void ActivityTooLarge(ILogger logger, string conversationKey, int bytes, int limit);

    [LoggerMessage(2004, LogLevel.Warning, "Connector answered {StatusCode} for {ConversationKey}")]
    public static partial void ConnectorFailed(ILogger logger, string conversationKey, int statusCode);

    [LoggerMessage(2005, LogLevel.Warning, "Conversation {ConversationKey} is unreachable (the channel answered {StatusCode}); marked")]
    public static partial void ConversationUnreachable(ILogger logger, string conversationKey, int? statusCode);

    [LoggerMessage(2006, LogLevel.Debug, "Activity of type {ActivityType} ignored")]
    public static partial void ActivityIgnored(ILogger logger, string activityType);

    [LoggerMessage(3001, LogLevel.Warning, "Turn on {StateKey} conflicted with another turn (attempt {Attempt}); re-running on fresh state")]
    public static partial void TurnConflict(ILogger logger, string stateKey, int attempt);

    [LoggerMessage(3002, LogLevel.Error, "Turn on {StateKey} failed with {ExceptionType}")]
    public static partial void TurnFailed(ILogger logger, string stateKey, string exceptionType, Exception exception);

    [LoggerMessage(3003, LogLevel.Warning, "Turn on {StateKey} gave up after {Attempts} conflicting saves")]
    public static partial void TurnGaveUp(ILogger logger, string stateKey, int attempts);

    [LoggerMessage(7001, LogLevel.Information, "Reminder for review {ReviewId} sent (attempt {Attempt})")]
    public static partial void ReminderSent(ILogger logger, string reviewId, int attempt);

    [LoggerMessage(7002, LogLevel.Warning, "Reminder for review {ReviewId} not sent (attempt {Attempt}); retrying at {RetryAt:o}")]
    public static partial void ReminderRetrying(ILogger logger, string reviewId, int attempt, DateTimeOffset retryAt);

    [LoggerMessage(7003, LogLevel.Warning, "Reminder for review {ReviewId}: conversation {ConversationKey} unreachable; {Count} review(s) marked undeliverable")]
    public static partial void ReminderUnreachable(ILogger logger, string reviewId, string conversationKey, int count);

    [LoggerMessage(7004, LogLevel.Warning, "Reminder for review {ReviewId}: no reachable reference for {ConversationKey}; marked undeliverable")]
    public static partial void ReminderUndeliverable(ILogger logger, string reviewId, string conversationKey);

    [LoggerMessage(7005, LogLevel.Error, "Reminder for review {ReviewId} given up after {Attempts} attempt(s) ({Outcome})")]
    public static partial void ReminderFailed(ILogger logger, string reviewId, int attempts, string outcome);

    [LoggerMessage(7006, LogLevel.Error, "Reminder for review {ReviewId} failed with {ExceptionType}")]
    public static partial void ReminderError(ILogger logger, string reviewId, string exceptionType, Exception exception);

    [LoggerMessage(7007, LogLevel.Information, "Reminder sweep delivered {Count} reminder(s)")]
    public static partial void ReminderSweep(ILogger logger, int count);

    [LoggerMessage(7008, LogLevel.Warning, "Hangfire dashboard request refused ({Reason})")]
    public static partial void DashboardRefused(ILogger logger, string reason);

    [LoggerMessage(7009, LogLevel.Information, "Review action {Verb} on review {ReviewId}: {Change}")]
    public static partial void ReviewAction(ILogger logger, string verb, string reviewId, string change);
}
