namespace KitBot.Dialogs.Reviews;

/// <summary>
/// Turns a start date (placement, authority, adoption order) into review dates under the configured rules.
/// Pure date arithmetic on the practitioner's calendar dates: working hours and time zones come later.
/// </summary>
public sealed class ReviewRules
{
    private readonly ReviewRuleOptions _options;

    /// <summary>Validates the rules (a bad period throws, naming the setting) and keeps them.</summary>
    public ReviewRules(ReviewRuleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>The rules in force.</summary>
    public ReviewRuleOptions Options => _options;

    /// <summary>
    /// Proposes the reviews from <paramref name="start"/> up to the configured horizon, in date order. Later
    /// reviews in a series are counted from the earlier ones' due dates in one step, so month ends do not drift.
    /// </summary>
    /// <param name="stage">Where the child is in the process.</param>
    /// <param name="start">The placement, authority or order date.</param>
    /// <param name="childAgeAtStart">The child's age in whole years on the start date, if known (age-based life stages need it).</param>
    public IReadOnlyList<ProposedReview> Propose(ReviewStage stage, DateOnly start, int? childAgeAtStart = null)
    {
        var horizon = ReviewPeriod.Parse(_options.ProposeAhead).AddTo(start);
        var proposals = new List<ProposedReview>();
        switch (stage)
        {
            case ReviewStage.PlacedForAdoption:
                Statutory(_options.Placed, start, horizon, "placement", proposals);
                break;
            case ReviewStage.AuthorisedNotPlaced:
                Statutory(_options.Authorised, start, horizon, "the authority to place", proposals);
                break;
            case ReviewStage.AfterAdoptionOrder:
                var every = ReviewPeriod.Parse(_options.AfterOrderEvery);
                for (var n = 1; n < 1000; n++)
                {
                    var due = every.AddTo(start, n);
                    if (due > horizon)
                    {
                        break;
                    }

                    proposals.Add(new ProposedReview(due, ReviewKind.Annual, n, $"Keeping-in-touch review {n} after the adoption order"));
                }

                foreach (var stagePrompt in _options.EffectiveLifeStages)
                {
                    var due = LifeStageDate(stagePrompt, start, childAgeAtStart);
                    if (due is { } date && date > start && date <= horizon)
                    {
                        proposals.Add(new ProposedReview(date, ReviewKind.LifeStage, 0, stagePrompt.Name));
                    }
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown review stage.");
        }

        return proposals.OrderBy(p => p.Due).ThenBy(p => p.Kind).ToList();
    }

    /// <summary>
    /// The review that follows one marked done on <paramref name="reviewedOn"/>. The regulations count the
    /// second review from the first one and later ones from the one before, so the next date runs from the day
    /// the review actually happened. Life-stage and custom dates start no series: null.
    /// </summary>
    public ProposedReview? Next(ReviewStage stage, ReviewKind kind, int sequence, DateOnly reviewedOn)
    {
        switch (kind)
        {
            case ReviewKind.Statutory when stage is ReviewStage.PlacedForAdoption or ReviewStage.AuthorisedNotPlaced:
                var rule = stage == ReviewStage.PlacedForAdoption ? _options.Placed : _options.Authorised;
                var period = ReviewPeriod.Parse(sequence <= 1 ? rule.Second : rule.Then);
                return new ProposedReview(period.AddTo(reviewedOn), ReviewKind.Statutory, sequence + 1, StatutoryLabel(sequence + 1, null));
            case ReviewKind.Annual:
                return new ProposedReview(
                    ReviewPeriod.Parse(_options.AfterOrderEvery).AddTo(reviewedOn), ReviewKind.Annual, sequence + 1,
                    $"Keeping-in-touch review {sequence + 1} after the adoption order");
            default:
                return null;
        }
    }

    private static void Statutory(StatutoryRule rule, DateOnly start, DateOnly horizon, string from, List<ProposedReview> proposals)
    {
        var first = ReviewPeriod.Parse(rule.First).AddTo(start);
        var second = ReviewPeriod.Parse(rule.Second).AddTo(first);
        var then = ReviewPeriod.Parse(rule.Then);
        proposals.Add(new ProposedReview(first, ReviewKind.Statutory, 1, StatutoryLabel(1, $"{Describe(rule.First)} of {from}")));
        if (second <= horizon)
        {
            proposals.Add(new ProposedReview(second, ReviewKind.Statutory, 2, StatutoryLabel(2, $"{Describe(rule.Second)} of the first")));
        }

        for (var n = 1; n < 1000; n++)
        {
            var due = then.AddTo(second, n);
            if (due > horizon)
            {
                break;
            }

            proposals.Add(new ProposedReview(due, ReviewKind.Statutory, n + 2, StatutoryLabel(n + 2, null)));
        }
    }

    private static string StatutoryLabel(int sequence, string? within) =>
        within is null ? $"Statutory review {sequence}" : $"Statutory review {sequence} (within {within})";

    private static DateOnly? LifeStageDate(LifeStageRule rule, DateOnly start, int? childAgeAtStart)
    {
        if (rule.After is not null)
        {
            return ReviewPeriod.Parse(rule.After).AddTo(start);
        }

        // Only the age in whole years is known (KitBot never asks for a date of birth), so the date is approximate.
        return childAgeAtStart is { } age && rule.AtAge > age
            ? start.AddYears(rule.AtAge.Value - age)
            : null;
    }

    /// <summary>A period in words for labels: P4W is "4 weeks", P3M "3 months".</summary>
    public static string Describe(string period)
    {
        var p = ReviewPeriod.Parse(period);
        var parts = new List<string>();
        if (p.Years > 0)
        {
            parts.Add(p.Years == 1 ? "1 year" : $"{p.Years} years");
        }

        if (p.Months > 0)
        {
            parts.Add(p.Months == 1 ? "1 month" : $"{p.Months} months");
        }

        if (p.Days > 0)
        {
            parts.Add(p.Days % 7 == 0 ? (p.Days == 7 ? "1 week" : $"{p.Days / 7} weeks") : (p.Days == 1 ? "1 day" : $"{p.Days} days"));
        }

        return string.Join(" and ", parts);
    }
}
