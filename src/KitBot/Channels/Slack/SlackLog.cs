namespace KitBot;

// The Slack work queue's and Socket Mode's log messages (event ids 6017-6039), beside the rest of Log (Log.cs).
internal static partial class Log
{
    [LoggerMessage(6017, LogLevel.Error, "Slack work {WorkId} failed with {ExceptionType}; given up")]
    public static partial void SlackWorkRunFailed(ILogger logger, long workId, string exceptionType, Exception exception);

    [LoggerMessage(6018, LogLevel.Warning, "Slack work could not be claimed or renewed ({ExceptionType}); trying again")]
    public static partial void SlackWorkClaimFailed(ILogger logger, string exceptionType, Exception exception);

    [LoggerMessage(6019, LogLevel.Error, "Slack work {WorkId} given up after {Attempts} claims")]
    public static partial void SlackWorkGivenUp(ILogger logger, long workId, int attempts);

    [LoggerMessage(6020, LogLevel.Warning, "Slack work {WorkId}: this instance's lease ran out while it ran (another instance may run it too)")]
    public static partial void SlackWorkLeaseLost(ILogger logger, long workId);

    [LoggerMessage(6021, LogLevel.Information, "Slack Socket Mode connected")]
    public static partial void SlackSocketConnected(ILogger logger);

    [LoggerMessage(6022, LogLevel.Information, "Slack Socket Mode: Slack asked for a new connection; opening it before closing this one")]
    public static partial void SlackSocketRefresh(ILogger logger);

    [LoggerMessage(6023, LogLevel.Warning, "Slack Socket Mode connection dropped; reconnecting in {Seconds} s")]
    public static partial void SlackSocketDropped(ILogger logger, double seconds);

    [LoggerMessage(6024, LogLevel.Warning, "Slack Socket Mode connection could not be opened ({ExceptionType}); trying again in {Seconds} s")]
    public static partial void SlackSocketOpenFailed(ILogger logger, string exceptionType, double seconds);

    [LoggerMessage(6025, LogLevel.Error, "A Slack Socket Mode envelope failed with {ExceptionType}; not acknowledged, so Slack sends it again")]
    public static partial void SlackSocketEnvelopeFailed(ILogger logger, string exceptionType, Exception exception);
}
