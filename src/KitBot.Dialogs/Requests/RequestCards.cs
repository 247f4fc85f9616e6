using System.Text.Json.Nodes;
using KitBot.Dialogs.Content;
using KitBot.Dialogs.Turns;
using K = KitBot.Dialogs.Content.RequestMessageKeys;

namespace KitBot.Dialogs.Requests;

/// <summary>The request cards' data (templates in <c>cards/</c>): the form, the card in the consultants' channel, the lists.</summary>
public static class RequestCards
{
    /// <summary>The request form template.</summary>
    public const string FormTemplate = "request-form";

    /// <summary>The consultants' channel card template.</summary>
    public const string CardTemplate = "request-card";

    /// <summary>The open / my requests list template.</summary>
    public const string ListTemplate = "request-list";

    /// <summary>The form; with a consultation's summary, it offers to share it.</summary>
    public static CardReply Form(string? summary = null) => new(
        FormTemplate,
        new JsonObject
        {
            ["hasSummary"] = !string.IsNullOrWhiteSpace(summary),
            ["summary"] = summary ?? string.Empty,
            ["urgencies"] = new JsonArray(Enum.GetValues<RequestUrgency>().Select(u => (JsonNode)Option(UrgencyText(u), u.ToString())).ToArray()),
            ["contacts"] = new JsonArray(Enum.GetValues<RequestContact>().Select(c => (JsonNode)Option(ContactText(c), c.ToString())).ToArray()),
        },
        "Ask a consultant: your question goes to the adoption support team.");

    /// <summary>The card in the consultants' channel, showing where the request is.</summary>
    public static CardReply Card(RequestSnapshot request, bool raisedAgain = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        var title = raisedAgain ? $"Still waiting: consultation request {request.Reference}" : $"Consultation request {request.Reference}";
        return new CardReply(
            CardTemplate,
            new JsonObject
            {
                ["requestId"] = request.Id,
                ["reference"] = request.Reference,
                ["title"] = title,
                ["status"] = StatusText(request.State, request.ClaimedName),
                ["question"] = request.Question,
                ["urgency"] = UrgencyText(request.Urgency),
                ["contact"] = ContactText(request.Contact),
                ["when"] = request.When,
                ["hasAskedBy"] = !string.IsNullOrEmpty(request.AskedBy),
                ["askedBy"] = request.AskedBy ?? string.Empty,
                ["hasSummary"] = request.Summary is not null,
                ["summary"] = request.Summary ?? string.Empty,
                ["isOpen"] = request.State == RequestState.Open,
                ["isClaimed"] = request.State == RequestState.Claimed,
            },
            $"{title} ({UrgencyText(request.Urgency).ToLowerInvariant()}): {StatusText(request.State, request.ClaimedName)}");
    }

    /// <summary>A list of requests: the open ones, or the ones a consultant has taken.</summary>
    public static CardReply List(string title, string emptyText, IReadOnlyList<RequestSnapshot> requests) => new(
        ListTemplate,
        new JsonObject
        {
            ["title"] = title,
            ["empty"] = requests.Count == 0,
            ["emptyText"] = emptyText,
            ["requests"] = new JsonArray(requests.Select(r => (JsonNode)new JsonObject
            {
                ["requestId"] = r.Id,
                ["reference"] = r.Reference,
                ["question"] = r.Question,
                ["urgency"] = UrgencyText(r.Urgency),
                ["status"] = StatusText(r.State, r.ClaimedName),
                ["isOpen"] = r.State == RequestState.Open,
            }).ToArray()),
        },
        requests.Count == 0 ? emptyText : $"{title}: {requests.Count}");

    /// <summary>The practitioner's confirmation, with the reference to quote.</summary>
    public static TextReply Confirmation(PracticeContent content, string reference, RequestUrgency urgency) =>
        new(Say(content, K.Confirmation, ("reference", reference), ("urgency", UrgencyText(urgency).ToLowerInvariant())));

    /// <summary>What the practitioner hears when a consultant takes their request.</summary>
    public static TextReply TakenNotice(PracticeContent content, string reference, string consultant, RequestContact contact) =>
        new(Say(content, K.Taken, ("consultant", consultant), ("reference", reference), ("contact", ContactText(contact).ToLowerInvariant())));

    /// <summary>What the practitioner hears when a consultant gives their request back to the team.</summary>
    public static TextReply ReleasedNotice(PracticeContent content, string reference) => new(Say(content, K.Released, ("reference", reference)));

    /// <summary>What the practitioner hears when their request is closed, with the consultant's note if any.</summary>
    public static TextReply ClosedNotice(PracticeContent content, string reference, string consultant, string? note) => new(
        note is null
            ? Say(content, K.Closed, ("consultant", consultant), ("reference", reference))
            : Say(content, K.ClosedWithNote, ("consultant", consultant), ("reference", reference), ("note", note)));

    /// <summary>What the practitioner hears when nobody has taken their request by the end of the next working day.</summary>
    public static TextReply NotTakenNotice(PracticeContent content, string reference) => new(Say(content, K.NotTaken, ("reference", reference)));

    /// <summary>The urgency as people read it.</summary>
    public static string UrgencyText(RequestUrgency urgency) => urgency switch
    {
        RequestUrgency.Today => "Today",
        RequestUrgency.ThisWeek => "This week",
        _ => "When convenient",
    };

    /// <summary>The contact method as people read it.</summary>
    public static string ContactText(RequestContact contact) => contact switch
    {
        RequestContact.TeamsCall => "A Teams call",
        RequestContact.Phone => "A phone call",
        _ => "A reply in a Teams chat",
    };

    /// <summary>Where the request is, in words.</summary>
    public static string StatusText(RequestState state, string? claimedName) => state switch
    {
        RequestState.Open => "Waiting for a consultant",
        RequestState.Claimed => $"Taken by {claimedName ?? "a consultant"}",
        _ => $"Closed{(claimedName is null ? "" : " by " + claimedName)}",
    };

    internal static string Say(PracticeContent content, string key, params (string Name, object Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content.Message(key, values);
    }

    private static JsonObject Option(string title, string value) => new() { ["title"] = title, ["value"] = value };
}
