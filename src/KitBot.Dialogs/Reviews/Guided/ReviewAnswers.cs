namespace KitBot.Dialogs.Reviews.Guided;

/// <summary>Everything a guided review was told.</summary>
/// <param name="People">The answers per person, in the plan's order.</param>
/// <param name="Wishes">The child's wishes and feelings now, in the practitioner's words.</param>
/// <param name="WishesHow">How they are known: said, shown, adopters, unknown (or empty).</param>
public sealed record ReviewAnswers(IReadOnlyList<PersonReview> People, string Wishes, string WishesHow);
