using KitBot.Dialogs.Reviews;

namespace KitBot.Storage;

/// <summary>
/// A review as KitBot stores it: the source of truth for reminders. Times are UTC; <see cref="TimeZone"/> is
/// the practitioner's IANA zone, which the due date and the reminder slot were worked out in. No free text:
/// the label comes from the rules.
/// </summary>
public sealed record StoredReview(
    string Id,
    string PlanId,
    string ConversationKey,
    string UserId,
    ReviewStage Stage,
    ReviewKind Kind,
    int Sequence,
    string Label,
    DateOnly DueDate,
    string TimeZone,
    DateTimeOffset DueAt,
    DateTimeOffset RemindAt,
    ReviewState State,
    int Attempts = 0,
    DateTimeOffset? LeaseUntil = null,
    DateTimeOffset? SentAt = null,
    int? LastStatus = null)
{
    /// <summary>A new review id.</summary>
    public static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>The core's view of the review.</summary>
    public ReviewSnapshot ToSnapshot() => new(Id, PlanId, Stage, Kind, Sequence, Label, DueDate, State);
}
