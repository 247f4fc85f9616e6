namespace KitBot.Dialogs.Reviews.Guided;

/// <summary>What KitBot suggests after a review: changes to plan sections, and perhaps an earlier next review.</summary>
/// <param name="Changes">The suggested changes, each with the answers that led to it.</param>
/// <param name="EarlierBy">The date to bring the next review forward to, when an answer calls for it.</param>
/// <param name="EarlierBecause">The answers that called for an earlier review.</param>
public sealed record GuidedProposals(IReadOnlyList<ReviewProposal> Changes, DateOnly? EarlierBy, string EarlierBecause);
