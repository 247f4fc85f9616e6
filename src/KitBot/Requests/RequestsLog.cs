namespace KitBot;

// 9xxx: consultation requests. Request ids, references and verbs only: never the question, the summary or a note.
internal static partial class Log
{
    [LoggerMessage(9001, LogLevel.Information, "Consultation request {RequestId} ({Reference}) created and posted to the consultants' channel")]
    public static partial void RequestCreated(ILogger logger, string requestId, string reference);

    [LoggerMessage(9002, LogLevel.Information, "Request action {Verb} on {RequestId}: {Outcome}")]
    public static partial void RequestAction(ILogger logger, string verb, string requestId, string outcome);

    [LoggerMessage(9003, LogLevel.Warning, "Consultation request refused: no consultants' channel is configured (Requests:Channel or the admin command)")]
    public static partial void RequestNoChannel(ILogger logger);

    [LoggerMessage(9004, LogLevel.Warning, "Could not post or update request {RequestId} in the consultants' channel ({Outcome})")]
    public static partial void RequestChannelFailed(ILogger logger, string requestId, string outcome);

    [LoggerMessage(9005, LogLevel.Information, "Request {RequestId} raised again in the consultants' channel; next at {Next:u}")]
    public static partial void RequestRaised(ILogger logger, string requestId, DateTimeOffset next);

    [LoggerMessage(9006, LogLevel.Information, "Practitioner told that request {RequestId} has not been taken")]
    public static partial void RequestNoticeSent(ILogger logger, string requestId);

    [LoggerMessage(9007, LogLevel.Information, "Consultants' channel set to {ConversationKey}")]
    public static partial void RequestChannelSet(ILogger logger, string conversationKey);

    [LoggerMessage(9008, LogLevel.Warning, "Refused the consultants' channel command from a user who is not in Requests:Admins")]
    public static partial void RequestChannelRefused(ILogger logger);
}
