namespace KitBot;

/// <summary>
/// Every log message the host writes (STYLE.md 12). Ids and event names only: never what a user typed,
/// a token or a secret. Event ids: 1xxx host, 2xxx Teams, 3xxx turns, 4xxx storage, 5xxx cards, 6xxx Slack,
/// 7xxx reminders, 8xxx privacy.
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

    [LoggerMessage(2107, LogLevel.Warning, "Connector post for {Target} had no answer within {TimeoutMs} ms; it may have arrived, so it is not posted again")]
    public static partial void ConnectorUnconfirmed(ILogger logger, string target, long timeoutMs);

    [LoggerMessage(2008, LogLevel.Warning, "Turn in {ConversationKey} still running after the {BudgetMs} ms answer budget; the request is answered and the replies follow")]
    public static partial void TurnAnsweredBeforeDone(ILogger logger, string conversationKey, long budgetMs);

    [LoggerMessage(2009, LogLevel.Error, "Turn in {ConversationKey} finished after its request was answered, with {ExceptionType}")]
    public static partial void DetachedTurnFailed(ILogger logger, string conversationKey, string exceptionType, Exception exception);

    [LoggerMessage(3001, LogLevel.Warning, "Turn on {StateKey} conflicted with another turn (attempt {Attempt}); re-running on fresh state")]
    public static partial void TurnConflict(ILogger logger, string stateKey, int attempt);

    [LoggerMessage(3002, LogLevel.Error, "Turn in {ConversationKey} failed with {ExceptionType}")]
    public static partial void TurnFailed(ILogger logger, string conversationKey, string exceptionType, Exception exception);

    [LoggerMessage(3003, LogLevel.Warning, "Turn on {StateKey} gave up after {Attempts} conflicting saves")]
    public static partial void TurnGaveUp(ILogger logger, string stateKey, int attempts);

    [LoggerMessage(6001, LogLevel.Warning, "Slack request refused: signature check failed ({Reason})")]
    public static partial void SlackSignatureRejected(ILogger logger, string reason);

    [LoggerMessage(6002, LogLevel.Warning, "Slack request refused: team {TeamId} is not the configured workspace that signed it")]
    public static partial void SlackTeamRefused(ILogger logger, string teamId);

    [LoggerMessage(6003, LogLevel.Warning, "Slack request refused: malformed ({Problem})")]
    public static partial void SlackMalformed(ILogger logger, string problem);

    [LoggerMessage(6004, LogLevel.Debug, "Slack {Kind} acknowledged and ignored ({Reason})")]
    public static partial void SlackIgnored(ILogger logger, string kind, string reason);

    [LoggerMessage(6005, LogLevel.Information, "Slack event {EventId} already seen (a retry); acknowledged, not processed again")]
    public static partial void SlackDuplicateEvent(ILogger logger, string eventId);

    [LoggerMessage(6006, LogLevel.Warning, "Slack work queue is full; request answered 503")]
    public static partial void SlackQueueFull(ILogger logger);

    [LoggerMessage(6007, LogLevel.Warning, "Slack {Method} failed: {Error}")]
    public static partial void SlackApiFailed(ILogger logger, string method, string error);

    [LoggerMessage(6008, LogLevel.Information, "Slack {Method} rate limited; retrying after {Seconds} s (attempt {Attempt})")]
    public static partial void SlackRateLimited(ILogger logger, string method, double seconds, int attempt);

    [LoggerMessage(6009, LogLevel.Error, "Card {Template} cannot be shown in Slack: over the {Limit} limit; a notice was sent instead")]
    public static partial void SlackCardTooLarge(ILogger logger, string template, string limit);

    [LoggerMessage(6010, LogLevel.Error, "Slack work for team {TeamId} channel {ChannelId} failed with {ExceptionType}")]
    public static partial void SlackWorkFailed(ILogger logger, string teamId, string channelId, string exceptionType, Exception exception);

    [LoggerMessage(6011, LogLevel.Warning, "A response_url outside Slack:ResponseUrlPrefix was not called")]
    public static partial void SlackResponseUrlRefused(ILogger logger);

    [LoggerMessage(6012, LogLevel.Information, "Slash command in team {TeamId} channel {ChannelId} took longer than its budget; answering through response_url")]
    public static partial void SlackCommandAnsweredLater(ILogger logger, string teamId, string channelId);

    [LoggerMessage(6013, LogLevel.Warning, "No Slack workspace is configured for {Key}; nothing sent")]
    public static partial void SlackWorkspaceUnknown(ILogger logger, string key);

    [LoggerMessage(6014, LogLevel.Warning, "Slack conversation {ConversationKey} is unreachable ({Error}); marked")]
    public static partial void SlackConversationUnreachable(ILogger logger, string conversationKey, string error);

    [LoggerMessage(6015, LogLevel.Information, "Card {Template}'s form needs {Blocks} blocks, too many for a Slack message: offered as a modal")]
    public static partial void SlackFormForModal(ILogger logger, string template, int blocks);

    [LoggerMessage(6016, LogLevel.Warning, "A Slack form for team {TeamId} channel {ChannelId} could not be opened ({Reason}); the person was told")]
    public static partial void SlackFormNotOpened(ILogger logger, string teamId, string channelId, string reason);
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

    [LoggerMessage(7010, LogLevel.Information, "Conversation {ConversationKey} reachable again; {Count} undeliverable reminder(s) back to pending")]
    public static partial void RemindersReopened(ILogger logger, string conversationKey, int count);

    [LoggerMessage(7011, LogLevel.Warning, "Reminder for review {ReviewId} posted without an answer in time; recorded as sent, not posted again")]
    public static partial void ReminderUnconfirmed(ILogger logger, string reviewId);

    [LoggerMessage(7012, LogLevel.Information, "Reminder for review {ReviewId} posted in team channel {ConversationKey}")]
    public static partial void ReminderToTeamChannel(ILogger logger, string reviewId, string conversationKey);

    [LoggerMessage(7013, LogLevel.Warning, "Team channel {ConversationKey} unreachable for review {ReviewId}; sent to the personal chat instead")]
    public static partial void ReminderTeamChannelUnreachable(ILogger logger, string reviewId, string conversationKey);

    [LoggerMessage(7014, LogLevel.Information, "Review reminders routed to {Where}")]
    public static partial void ReviewRouteChanged(ILogger logger, string where);

    [LoggerMessage(7008, LogLevel.Warning, "Hangfire dashboard request refused ({Reason})")]
    public static partial void DashboardRefused(ILogger logger, string reason);

    [LoggerMessage(7009, LogLevel.Information, "Review action {Verb} on review {ReviewId}: {Change}")]
    public static partial void ReviewAction(ILogger logger, string verb, string reviewId, string change);

    [LoggerMessage(8001, LogLevel.Information, "Retention removed {States} conversation state(s) and {Reviews} review(s) older than {Days} days")]
    public static partial void RetentionPurged(ILogger logger, int states, int reviews, int days);
}
