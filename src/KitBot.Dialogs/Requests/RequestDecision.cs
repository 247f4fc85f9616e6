namespace KitBot.Dialogs.Requests;

/// <summary>What a consultant's action on a request does, given where the request is.</summary>
public enum RequestDecision
{
    /// <summary>Apply it (the store still has the last word: the change is conditional on the state read).</summary>
    Apply,

    /// <summary>The request is closed: answer kindly, change nothing.</summary>
    AlreadyClosed,

    /// <summary>Someone else has taken it: say who.</summary>
    TakenByOther,

    /// <summary>The consultant already has it.</summary>
    AlreadyYours,

    /// <summary>Release or close on a request nobody has taken yet (only claim makes sense).</summary>
    NotTaken,
}
