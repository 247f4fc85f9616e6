namespace KitBot.Dialogs.Reviews;

/// <summary>A review date KitBot proposes; the practitioner confirms, drops or moves it.</summary>
/// <param name="Due">The date the review is due, in the practitioner's calendar.</param>
/// <param name="Kind">Why it is due.</param>
/// <param name="Sequence">Its place in the statutory or annual series (1 = first); 0 for life-stage and custom dates.</param>
/// <param name="Label">A short description, for the card.</param>
public sealed record ProposedReview(DateOnly Due, ReviewKind Kind, int Sequence, string Label);
