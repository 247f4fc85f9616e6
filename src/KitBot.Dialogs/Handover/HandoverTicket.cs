namespace KitBot.Dialogs.Handover;

/// <summary>A stored code as the rules see it (no code, no content: ids and times).</summary>
/// <param name="Purpose">What the code is for.</param>
/// <param name="PlanId">The plan it concerns.</param>
/// <param name="OwnerUserId">Who asked for it.</param>
/// <param name="ExpiresAt">When it stops working (UTC).</param>
/// <param name="UsedAt">When it was used, if it was.</param>
/// <param name="UsedBy">Who used it, if anyone.</param>
public sealed record HandoverTicket(
    HandoverPurpose Purpose,
    string PlanId,
    string OwnerUserId,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? UsedAt,
    string? UsedBy);
