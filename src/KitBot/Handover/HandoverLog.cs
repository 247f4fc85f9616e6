namespace KitBot;

// 10xxx: hand-over and reminder partners. Plan and review ids only: never codes, code hashes, state keys or text.
internal static partial class Log
{
    [LoggerMessage(10001, LogLevel.Information, "Code issued for plan {PlanId} ({Purpose})")]
    public static partial void HandoverCodeIssued(ILogger logger, string planId, string purpose);

    [LoggerMessage(10002, LogLevel.Information, "Code refused ({Check})")]
    public static partial void HandoverCodeRefused(ILogger logger, string check);

    [LoggerMessage(10003, LogLevel.Information, "Plan {PlanId} handed over ({Reviews} open reviews moved)")]
    public static partial void PlanHandedOver(ILogger logger, string planId, int reviews);

    [LoggerMessage(10004, LogLevel.Warning, "Plan {PlanId}: the owner's state changed during a hand-over (attempt {Attempt})")]
    public static partial void HandoverConflict(ILogger logger, string planId, int attempt);

    [LoggerMessage(10005, LogLevel.Information, "Plan {PlanId} has a reminder partner")]
    public static partial void PartnerSet(ILogger logger, string planId);

    [LoggerMessage(10006, LogLevel.Warning, "Could not tell the plan's owner about plan {PlanId} ({Outcome})")]
    public static partial void HandoverOwnerNotTold(ILogger logger, string planId, string outcome);

    [LoggerMessage(10007, LogLevel.Information, "Reminder for review {ReviewId} went to the plan's reminder partner ({Reason}, {Outcome})")]
    public static partial void ReminderEscalated(ILogger logger, string reviewId, string reason, string outcome);

    [LoggerMessage(10008, LogLevel.Error, "Escalating review {ReviewId} to its reminder partner failed ({ExceptionType})")]
    public static partial void ReminderEscalationError(ILogger logger, string reviewId, string exceptionType, Exception exception);
}
