using KitBot.Dialogs.Plans;

namespace KitBot.Plans;

/// <summary>What a download link stands for: one person's state, one of their plans, one format, until a time.</summary>
/// <param name="StateKey">The practitioner's conversation state key (channel, conversation and person).</param>
/// <param name="PlanId">The plan in that state.</param>
/// <param name="Format">Word or plain text.</param>
/// <param name="Expires">When the link stops working (UTC).</param>
/// <param name="Nonce">The link's own random id: the first download spends it (<see cref="DownloadTokenLedger"/>).</param>
public sealed record DownloadToken(string StateKey, string PlanId, PlanFormat Format, DateTimeOffset Expires, string Nonce = "");
