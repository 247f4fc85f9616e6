using System.Globalization;
using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Reviews;

/// <summary>
/// Reads a submitted proposals card back into the reviews to save. The card carries only the stage, start date
/// and age; the proposals are worked out again from the rules (they are deterministic), and each one's keep
/// toggle and date input say whether it stays and when.
/// </summary>
public static class ReviewProposals
{
    /// <summary>
    /// The confirmed reviews, or null with a reason when the submission cannot be read. The proposals are worked out
    /// from the day the card carries (<c>asOf</c>), so a card confirmed a day later still lines up with its inputs;
    /// <paramref name="today"/> is used for older cards without it.
    /// </summary>
    public static (ReviewStage Stage, IReadOnlyList<ProposedReview> Reviews)? Confirmed(CardAction action, ReviewRules rules, DateOnly today, out string? problem)
    {
        problem = null;
        if (!Enum.TryParse<ReviewStage>(action.Value("stage"), out var stage) || ReviewCards.ReadDate(action.Value("start")) is not { } start)
        {
            problem = "That card is missing its stage or start date. Please set the reviews up again.";
            return null;
        }

        var age = int.TryParse(action.Value("age"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var a) ? a : (int?)null;
        var asOf = ReviewCards.ReadDate(action.Value("asOf")) ?? today;
        var events = ReviewCards.ReadEvents(action.Value("events"), rules.Options.EffectiveEvents);
        var proposals = rules.Propose(stage, start, age, asOf, events);
        var kept = new List<ProposedReview>();
        for (var i = 0; i < proposals.Count; i++)
        {
            // A toggle left on submits "true"; a dropped one "false". Missing means the card predates the toggle: keep.
            if (action.Value($"keep_{i}") is "false")
            {
                continue;
            }

            var moved = ReviewCards.ReadDate(action.Value($"due_{i}"));
            kept.Add(moved is { } date && date != proposals[i].Due ? proposals[i] with { Due = date } : proposals[i]);
        }

        if (ReviewCards.ReadDate(action.Value("extra")) is { } extra)
        {
            kept.Add(new ProposedReview(extra, ReviewKind.Custom, 0, "Review you added"));
        }

        return (stage, kept.OrderBy(r => r.Due).ToList());
    }
}
