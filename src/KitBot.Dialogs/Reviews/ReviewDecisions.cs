using System.Globalization;
using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Reviews;

/// <summary>
/// What a reminder-card action does to a review: pure, so the host only loads the review, applies the
/// decision and schedules. Acting twice (two clicks, an old card) is answered kindly and changes nothing.
/// </summary>
public static class ReviewDecisions
{
    /// <summary>The snooze lengths a card may ask for, in days.</summary>
    public static IReadOnlySet<int> SnoozeDays { get; } = new HashSet<int> { 1, 7 };

    /// <summary>Decides what <paramref name="action"/> does to <paramref name="review"/> on the practitioner's date <paramref name="today"/>.</summary>
    public static ReviewDecision Decide(CardAction action, ReviewSnapshot review, DateOnly today, ReviewRules rules)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(review);
        // Stopping is about the plan, so it works from any of its reminders, even one already reviewed.
        if (review.IsClosed && action.Verb is not ReviewVerbs.Stop and not ReviewVerbs.StopConfirmed)
        {
            return Nothing(review.State == ReviewState.Done
                ? "That review is already marked reviewed, so nothing has changed."
                : "Reminders for that review were stopped, so nothing has changed.");
        }

        switch (action.Verb)
        {
            case ReviewVerbs.Done:
                var next = rules.Next(review.Stage, review.Kind, review.Sequence, today);
                return new ReviewDecision(
                    ReviewChange.MarkDone,
                    [new TextReply(next is null
                        ? $"Marked reviewed: {review.Label}. There is no further review in this series."
                        : $"Marked reviewed: {review.Label}. The next review is due by {ReviewCards.Show(next.Due)}; I will remind you then.")],
                    Next: next);
            case ReviewVerbs.Snooze:
                if (!int.TryParse(action.Value(ReviewVerbs.Days), NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) || !SnoozeDays.Contains(days))
                {
                    return Nothing("That snooze button is not one I know, so nothing has changed.");
                }

                return new ReviewDecision(
                    ReviewChange.Snooze,
                    [new TextReply(days == 1
                        ? "Snoozed for a day. I will remind you again in working hours."
                        : "Snoozed for a week. I will remind you again in working hours.")],
                    SnoozeFor: TimeSpan.FromDays(days));
            case ReviewVerbs.Reschedule:
                var date = ReviewCards.ReadDate(action.Value(ReviewVerbs.Date) ?? action.Value($"{ReviewVerbs.Date}_{review.Id}"));
                if (date is null)
                {
                    return Nothing("Please pick a date for the review, then press Reschedule.");
                }

                if (date < today)
                {
                    return Nothing("That date has passed. Please pick today or a later date.");
                }

                return new ReviewDecision(
                    ReviewChange.Reschedule,
                    [new TextReply($"Moved: {review.Label} is now due on {ReviewCards.Show(date.Value)}. I will remind you then.")],
                    NewDue: date);
            case ReviewVerbs.Stop:
                // Nothing destructive by accident: stopping also stops the statutory reviews, so it asks first.
                return new ReviewDecision(ReviewChange.None, [ReviewCards.StopConfirm(review)]);
            case ReviewVerbs.StopConfirmed:
                return new ReviewDecision(
                    ReviewChange.StopPlan,
                    [new TextReply("Reminders for this plan are stopped. You can set reviews up again at any time.")]);
            default:
                return Nothing("That button is no longer in use, so nothing has changed.");
        }
    }

    private static ReviewDecision Nothing(string text) => new(ReviewChange.None, [new TextReply(text)]);
}
