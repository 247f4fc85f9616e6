namespace KitBot.Handover;

/// <summary>A plan's reminder partner (table <c>plan_partner</c>): who gets its reminders when the owner does not.</summary>
public sealed record PlanPartner(string PlanId, string OwnerUserId, string PartnerUserId, string PartnerConversationKey);
