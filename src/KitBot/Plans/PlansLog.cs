namespace KitBot;

// 8xxx: plan downloads. Plan ids and formats only: never plan text, tokens or state keys.
internal static partial class Log
{
    [LoggerMessage(8001, LogLevel.Information, "Plan download link issued for plan {PlanId} ({Format}), valid until {Expires:u}")]
    public static partial void PlanLinkIssued(ILogger logger, string planId, string format, DateTimeOffset expires);

    [LoggerMessage(8002, LogLevel.Information, "Plan {PlanId} downloaded ({Format}, {Bytes} bytes)")]
    public static partial void PlanDownloaded(ILogger logger, string planId, string format, int bytes);

    [LoggerMessage(8003, LogLevel.Warning, "Plan download refused: {Reason}")]
    public static partial void PlanDownloadRefused(ILogger logger, string reason);
}
