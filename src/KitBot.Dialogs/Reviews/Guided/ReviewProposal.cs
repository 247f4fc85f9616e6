namespace KitBot.Dialogs.Reviews.Guided;

/// <summary>One change KitBot suggests after a review, for the practitioner to keep, edit or drop.</summary>
/// <param name="Section">The plan section it would add to (see <see cref="Plans.PlanSectionIds"/>).</param>
/// <param name="Text">The suggested sentence, worded as a suggestion.</param>
/// <param name="Because">The answers that led to it.</param>
public sealed record ReviewProposal(string Section, string Text, string Because);
