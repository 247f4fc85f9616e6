namespace KitBot.Dialogs.Reviews.Guided;

/// <summary>The review answers about one person.</summary>
/// <param name="Id">The person's id in the plan.</param>
/// <param name="Label">Their label, for example "Birth father".</param>
/// <param name="Happened">Did keeping in touch happen as planned: yes, partly, no, notdue (or empty).</param>
/// <param name="Before">How the child responded before: settled, mixed, unsettled, unknown (or empty).</param>
/// <param name="During">How the child responded during.</param>
/// <param name="After">How the child responded after.</param>
/// <param name="Note">The practitioner's note, in their words.</param>
/// <param name="News">Anything new: circumstances, sibling, social, asking, move, adolescence.</param>
public sealed record PersonReview(
    string Id, string Label, string Happened, string Before, string During, string After, string Note, IReadOnlySet<string> News);
