using KitBot.Dialogs.Content;
using K = KitBot.Dialogs.Content.RequestMessageKeys;

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
    public static string Explain(PracticeContent content, RequestDecision decision, string reference, string? claimedName) => decision switch
    {
        RequestDecision.AlreadyClosed => RequestCards.Say(content, K.AlreadyClosed, ("reference", reference)),
        RequestDecision.TakenByOther => RequestCards.Say(content, K.TakenByOther, ("consultant", claimedName ?? "Another consultant"), ("reference", reference)),
        RequestDecision.AlreadyYours => RequestCards.Say(content, K.AlreadyYours, ("reference", reference)),
        RequestDecision.NotTaken => RequestCards.Say(content, K.NothingToRelease, ("reference", reference)),
        _ => string.Empty,
    };

    /// <summary>What the consultant hears when the change was made.</summary>
    public static string Done(PracticeContent content, string verb, string reference) => verb switch
    {
        RequestVerbs.Claim => RequestCards.Say(content, K.ClaimDone, ("reference", reference)),
        RequestVerbs.Release => RequestCards.Say(content, K.ReleaseDone, ("reference", reference)),
        _ => RequestCards.Say(content, K.CloseDone, ("reference", reference)),
    };
}
