namespace KitBot.Dialogs.Requests;

/// <summary>The pure rules for consultants' actions on a request, and the words that go with them.</summary>
public static class RequestDecisions
{
    /// <summary>Decides a claim, release or close by <paramref name="isClaimer"/>'s consultant on a request in <paramref name="state"/>.</summary>
    public static RequestDecision Decide(string verb, RequestState state, bool isClaimer) => (verb, state) switch
    {
        (_, RequestState.Closed) => RequestDecision.AlreadyClosed,
        (RequestVerbs.Claim, RequestState.Open) => RequestDecision.Apply,
        (RequestVerbs.Claim, RequestState.Claimed) => isClaimer ? RequestDecision.AlreadyYours : RequestDecision.TakenByOther,
        (_, RequestState.Open) => RequestDecision.NotTaken,
        // Release and close belong to whoever took it: a colleague cannot take it from them by accident.
        (_, RequestState.Claimed) => isClaimer ? RequestDecision.Apply : RequestDecision.TakenByOther,
        _ => RequestDecision.AlreadyClosed,
    };

    /// <summary>The kind answer for a decision that changes nothing.</summary>
    public static string Explain(RequestDecision decision, string reference, string? claimedName) => decision switch
    {
        RequestDecision.AlreadyClosed => $"Request {reference} has already been closed, so nothing has changed. Thank you for checking on it.",
        RequestDecision.TakenByOther => $"{claimedName ?? "Another consultant"} has already taken request {reference}.",
        RequestDecision.AlreadyYours => $"You have already taken request {reference}.",
        RequestDecision.NotTaken => $"Nobody has taken request {reference} yet, so there is nothing to release or close. Choose I'll take it first.",
        _ => string.Empty,
    };

    /// <summary>What the consultant hears when the change was made.</summary>
    public static string Done(string verb, string reference) => verb switch
    {
        RequestVerbs.Claim => $"You have taken request {reference}. The practitioner has been told.",
        RequestVerbs.Release => $"You have released request {reference}; it is back in the team's queue.",
        _ => $"Request {reference} is closed. The practitioner has been told.",
    };
}
