namespace KitBot.Dialogs.Reviews.Guided;

/// <summary>Everything a guided review was told.</summary>
/// <param name="People">The answers per person, in the plan's order.</param>
/// <param name="Wishes">The child's wishes and feelings now, in the practitioner's words.</param>
/// <param name="WishesHow">How they are known: said, shown, adopters, unknown (or empty).</param>
/// <param name="Stage">The life stage the review is for, if it is a life-stage review.</param>
/// <param name="StageNote">What the practitioner noted about the stage's questions.</param>
public sealed record ReviewAnswers(IReadOnlyList<PersonReview> People, string Wishes, string WishesHow, LifeStagePrompt? Stage = null, string StageNote = "");
