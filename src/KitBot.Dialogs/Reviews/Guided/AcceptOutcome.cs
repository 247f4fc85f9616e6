using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Reviews.Guided;

/// <summary>What accepting a review's proposals does: the new state to save, what to say, and what the host does to the reviews table.</summary>
/// <param name="State">The conversation state with the plan's new version (unchanged when nothing was applied).</param>
/// <param name="Replies">What to tell the practitioner.</param>
/// <param name="Accepted">True when the proposals were accepted now (false for a stale or repeated accept).</param>
/// <param name="PlanId">The plan reviewed.</param>
/// <param name="EarlierBy">When kept, the date to bring the next review forward to.</param>
public sealed record AcceptOutcome(ConversationState State, IReadOnlyList<Reply> Replies, bool Accepted, string? PlanId, DateOnly? EarlierBy);
