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

    [LoggerMessage(2004, LogLevel.Warning, "Connector call for {Target} failed with {Reason}; not retried")]
    public static partial void ConnectorFailed(ILogger logger, string target, string reason);

    [LoggerMessage(2005, LogLevel.Warning, "Conversation {ConversationKey} is unreachable (the channel answered {StatusCode}); marked")]
    public static partial void ConversationUnreachable(ILogger logger, string conversationKey, int? statusCode);

    [LoggerMessage(2006, LogLevel.Debug, "Activity of type {ActivityType} ignored")]
    public static partial void ActivityIgnored(ILogger logger, string activityType);

    [LoggerMessage(2007, LogLevel.Warning, "Teams request from tenant {TenantId} refused: not in Teams:AllowedTenants")]
    public static partial void TenantRefused(ILogger logger, string tenantId);

    [LoggerMessage(2020, LogLevel.Error, "Bot Framework signing keys could not be fetched ({ExceptionType}); inbound Teams requests are refused")]
    public static partial void SigningKeysUnavailable(ILogger logger, string exceptionType);

    // 21xx: the connector client's retries and outbound tokens. Targets are conversation keys or user ids.
    [LoggerMessage(2101, LogLevel.Information, "Connector call for {Target} failed with {Reason} (attempt {Attempt} of {MaxAttempts}); retrying in {DelayMs} ms")]
    public static partial void ConnectorRetrying(ILogger logger, string target, string reason, int attempt, int maxAttempts, long delayMs);

    [LoggerMessage(2102, LogLevel.Error, "Connector call for {Target} gave up after {Attempts} attempts; last: {Reason}")]
    public static partial void ConnectorGaveUp(ILogger logger, string target, int attempts, string reason);

    [LoggerMessage(2103, LogLevel.Error, "Connector call for {Target} gave up after {Attempts} attempts: waiting {DelayMs} ms after {Reason} would exceed its time budget")]
    public static partial void ConnectorOutOfTime(ILogger logger, string target, int attempts, string reason, long delayMs);

    [LoggerMessage(2104, LogLevel.Warning, "Connector rejected the token for {Target} (401); retrying once with a fresh token")]
    public static partial void ConnectorTokenRejected(ILogger logger, string target);

    [LoggerMessage(2105, LogLevel.Error, "Connector call for {Target} not made: service URL {ServiceUrl} is not http(s), or not https while a token would be sent")]
    public static partial void ConnectorServiceUrlRefused(ILogger logger, string target, string serviceUrl);

    [LoggerMessage(2106, LogLevel.Error, "Connector accepted the call for {Target} ({StatusCode}) but returned no id")]
    public static partial void ConnectorAnswerWithoutId(ILogger logger, string target, int? statusCode);

    [LoggerMessage(3001, LogLevel.Warning, "Turn on {StateKey} conflicted with another turn (attempt {Attempt}); re-running on fresh state")]
    public static partial void TurnConflict(ILogger logger, string stateKey, int attempt);

    [LoggerMessage(3002, LogLevel.Error, "Turn on {StateKey} failed with {ExceptionType}")]
    public static partial void TurnFailed(ILogger logger, string stateKey, string exceptionType, Exception exception);

    [LoggerMessage(3003, LogLevel.Warning, "Turn on {StateKey} gave up after {Attempts} conflicting saves")]
    public static partial void TurnGaveUp(ILogger logger, string stateKey, int attempts);
}
