namespace KitBot.Dialogs.Content;

/// <summary>The keys of the request messages in wording.json (Ask a consultant); each must be present and non-empty.</summary>
internal static class RequestMessageKeys
{
    public const string NoQuestion = "request.noQuestion";
    public const string TooLong = "request.tooLong";
    public const string Privacy = "request.privacy";
    public const string Confirmation = "request.confirmation";
    public const string Taken = "request.taken";
    public const string Released = "request.released";
    public const string Closed = "request.closed";
    public const string ClosedWithNote = "request.closedWithNote";
    public const string NotTaken = "request.notTaken";
    public const string AlreadyClosed = "request.alreadyClosed";
    public const string TakenByOther = "request.takenByOther";
    public const string AlreadyYours = "request.alreadyYours";
    public const string NothingToRelease = "request.nothingToRelease";
    public const string ClaimDone = "request.claimDone";
    public const string ReleaseDone = "request.releaseDone";
    public const string CloseDone = "request.closeDone";
    public const string NotHere = "request.notHere";

    /// <summary>Every key, for validation at load.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        NoQuestion,
        TooLong,
        Privacy,
        Confirmation,
        Taken,
        Released,
        Closed,
        ClosedWithNote,
        NotTaken,
        AlreadyClosed,
        TakenByOther,
        AlreadyYours,
        NothingToRelease,
        ClaimDone,
        ReleaseDone,
        CloseDone,
        NotHere,
    ];
}
