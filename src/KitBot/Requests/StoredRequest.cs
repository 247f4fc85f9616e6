using KitBot.Dialogs.Requests;

namespace KitBot.Requests;

/// <summary>A consultation request as stored (times UTC). The question is plain text until issue 8 encrypts it at rest.</summary>
public sealed record StoredRequest(
    string Id,
    string Reference,
    string ConversationKey,
    string UserId,
    string Question,
    RequestUrgency Urgency,
    RequestContact Contact,
    string When,
    string? Summary,
    RequestState State,
    string? ClaimedBy,
    string? ClaimedName,
    string? ChannelKey,
    string? ChannelMessageId,
    DateTimeOffset CreatedAt,
    DateTimeOffset RaiseAt,
    DateTimeOffset? RaisedAt,
    DateTimeOffset NoticeAt,
    DateTimeOffset? NoticedAt,
    DateTimeOffset? ClosedAt,
    string? AskedBy = null)
{
    /// <summary>A new random request id.</summary>
    public static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>What the cards show.</summary>
    public RequestSnapshot ToSnapshot() =>
        new(Id, Reference, Question, Urgency, Contact, When, Summary, State, ClaimedName, AskedBy);
}
