namespace KitBot;

/// <summary>
/// Every log message the host writes (STYLE.md 12). Ids and event names only: never what a user typed,
/// a token or a secret. Event ids: 1xxx host, 2xxx Teams, 3xxx turns, 4xxx storage, 5xxx cards.
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

    [LoggerMessage(2007, LogLevel.Warning, "Teams request from tenant {TenantId} refused: not in Teams:AllowedTenants")]
    public static partial void TenantRefused(ILogger logger, string tenantId);

    [LoggerMessage(2020, LogLevel.Error, "Bot Framework signing keys could not be fetched ({ExceptionType}); inbound Teams requests are refused")]
    public static partial void SigningKeysUnavailable(ILogger logger, string exceptionType);

    [LoggerMessage(3001, LogLevel.Warning, "Turn on {StateKey} conflicted with another turn (attempt {Attempt}); re-running on fresh state")]
    public static partial void TurnConflict(ILogger logger, string stateKey, int attempt);

    [LoggerMessage(3002, LogLevel.Error, "Turn on {StateKey} failed with {ExceptionType}")]
    public static partial void TurnFailed(ILogger logger, string stateKey, string exceptionType, Exception exception);

    [LoggerMessage(3003, LogLevel.Warning, "Turn on {StateKey} gave up after {Attempts} conflicting saves")]
    public static partial void TurnGaveUp(ILogger logger, string stateKey, int attempts);
}
