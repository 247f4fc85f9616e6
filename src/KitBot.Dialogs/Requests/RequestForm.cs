using KitBot.Dialogs.Content;
using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Privacy;
using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Requests;

/// <summary>
/// Reads and checks the request form. The question, the "when" and any shared summary go to a team of
/// consultants, so every one of them passes the privacy check, and a suspected name is never kept as written.
/// </summary>
public static class RequestForm
{
    /// <summary>The longest question accepted (a card's text input, not a case note).</summary>
    public const int MaxQuestion = 1500;

    /// <summary>The longest "when" accepted.</summary>
    public const int MaxWhen = 200;

    /// <summary>The checked draft, or null with <paramref name="problem"/> saying kindly what to change.</summary>
    public static RequestDraft? Read(CardAction action, PracticeContent content, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(content);
        var question = action.Value(RequestVerbs.Question);
        if (question is null)
        {
            problem = RequestCards.Say(content, RequestMessageKeys.NoQuestion);
            return null;
        }

        if (question.Length > MaxQuestion || (action.Value(RequestVerbs.When)?.Length ?? 0) > MaxWhen)
        {
            problem = RequestCards.Say(content, RequestMessageKeys.TooLong, ("maxQuestion", MaxQuestion), ("maxWhen", MaxWhen));
            return null;
        }

        var urgency = Enum.TryParse<RequestUrgency>(action.Value(RequestVerbs.Urgency), ignoreCase: false, out var u) && Enum.IsDefined(u)
            ? u : RequestUrgency.WhenConvenient;
        var contact = Enum.TryParse<RequestContact>(action.Value(RequestVerbs.Contact), ignoreCase: false, out var c) && Enum.IsDefined(c)
            ? c : RequestContact.TeamsChat;
        var when = action.Value(RequestVerbs.When) ?? "Any time in working hours";
        var share = string.Equals(action.Value(RequestVerbs.Share), "true", StringComparison.OrdinalIgnoreCase);
        var summary = share ? action.Value(RequestVerbs.Summary) : null;

        var found = content.Privacy.Find(question).Concat(content.Privacy.Find(when)).Concat(content.Privacy.Find(summary)).ToList();
        var concerns = found.Aggregate(PrivacyConcern.None, (all, f) => all | f.Kind);
        if (concerns != PrivacyConcern.None)
        {
            // Never kept as written, even a suspected name: the request is read by a whole team.
            var message = CardData.PrivacyMessage(content, concerns, found);
            var hint = " " + content.Message(MessageKeys.PrivacyKeepHint);
            problem = (message.EndsWith(hint, StringComparison.Ordinal) ? message[..^hint.Length] : message)
                + " " + RequestCards.Say(content, RequestMessageKeys.Privacy);
            return null;
        }

        problem = null;
        return new RequestDraft(question, urgency, contact, when, summary);
    }
}
