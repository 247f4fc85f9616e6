using KitBot.Dialogs.Handover;

namespace KitBot.Handover;

/// <summary>A stored one-time code (table <c>handover_code</c>): its hash, never the code, and ids only.</summary>
public sealed record HandoverCode(
    string Hash,
    HandoverPurpose Purpose,
    string PlanId,
    string OwnerUserId,
    string OwnerStateKey,
    string OwnerConversationKey,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? UsedAt = null,
    string? UsedBy = null)
{
    /// <summary>The rules' view of the code.</summary>
    public HandoverTicket ToTicket() => new(Purpose, PlanId, OwnerUserId, ExpiresAt, UsedAt, UsedBy);
}
