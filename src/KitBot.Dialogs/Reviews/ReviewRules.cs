namespace KitBot.Dialogs.Reviews;

/// <summary>
/// Turns a start date (placement, authority, adoption order) into review dates under the configured rules,
/// counted forward from today: a family years past the order gets its next yearly review and the life-stage
/// prompts still ahead, never a list of dates already gone. A due date on a weekend or bank holiday moves to the
/// working day before (these are latest dates: moving later would overshoot a statutory maximum), and each
/// review in a statutory series is counted from the (moved) one before, so no gap is longer than the rule allows.
/// Pure date arithmetic on the practitioner's calendar dates: working hours and time zones come later.
/// </summary>
public sealed class ReviewRules
{
    private static readonly DayOfWeek[] MondayToFriday =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private readonly ReviewRuleOptions _options;
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DayOfWeek> _workingDays;

    /// <summary>Validates the rules (a bad period throws, naming the setting) and keeps them.</summary>
    /// <param name="options">The rules.</param>
    /// <param name="bankHolidays">Days no review falls on (from settings); none by default.</param>
    /// <param name="workingDays">The working days; Monday to Friday by default.</param>
    public ReviewRules(ReviewRuleOptions options, IEnumerable<DateOnly>? bankHolidays = null, IEnumerable<DayOfWeek>? workingDays = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _holidays = [.. bankHolidays ?? []];
        _workingDays = [.. workingDays ?? MondayToFriday];
        if (_workingDays.Count == 0)
        {
            throw new FormatException("Reminders:WorkingHours:Days: at least one working day is needed.");
        }
    }

    /// <summary>The rules in force.</summary>
    public ReviewRuleOptions Options => _options;

    /// <summary>True when <paramref name="date"/> is a working day (not a weekend or bank holiday).</summary>
    public bool IsWorkingDay(DateOnly date) => _workingDays.Contains(date.DayOfWeek) && !_holidays.Contains(date);

    /// <summary>The date itself when it is a working day, else the working day before it.</summary>
    public DateOnly WorkingDayOnOrBefore(DateOnly date)
    {
        for (var i = 0; i < 366 && !IsWorkingDay(date); i++)
        {
            date = date.AddDays(-1);
        }

        return date;
    }

    /// <summary>
    /// Proposes the reviews still ahead on <paramref name="today"/>, in date order: the statutory or yearly series up
    /// to the configured horizon after today, every life-stage prompt still to come, and a review after each event
    /// the practitioner has dated. Each due date is a working day.
    /// </summary>
    /// <param name="stage">Where the child is in the process.</param>
    /// <param name="start">The placement, authority or order date (may be years ago).</param>
    /// <param name="childAgeAtStart">The child's age in whole years on the start date, if known (age-based life stages need it).</param>
    /// <param name="today">The practitioner's date; the start date when not given.</param>
    /// <param name="events">When events happen (or happened), by <see cref="EventRule.Id"/>: each gives a review after it.</param>
    public IReadOnlyList<ProposedReview> Propose(
        ReviewStage stage, DateOnly start, int? childAgeAtStart = null, DateOnly? today = null, IReadOnlyDictionary<string, DateOnly>? events = null)
    {
        var from = today is { } t && t > start ? t : start;
        var horizon = ReviewPeriod.Parse(_options.ProposeAhead).AddTo(from);
        var proposals = new List<ProposedReview>();
        switch (stage)
        {
            case ReviewStage.PlacedForAdoption:
                Statutory(_options.Placed, start, from, horizon, "placement", proposals);
                break;
            case ReviewStage.AuthorisedNotPlaced:
                Statutory(_options.Authorised, start, from, horizon, "the authority to place", proposals);
                break;
            case ReviewStage.AfterAdoptionOrder:
                var every = ReviewPeriod.Parse(_options.AfterOrderEvery);
                for (var n = 1; n < 10000; n++)
                {
                    // Anniversaries are counted from the order in one step (no drift); each moved off a weekend on its own.
                    var due = WorkingDayOnOrBefore(every.AddTo(start, n));
                    if (due > horizon)
                    {
                        break;
                    }

                    if (due >= from)
                    {
                        proposals.Add(new ProposedReview(due, ReviewKind.Annual, n, AnnualLabel(n)));
                    }
                }

                // Life-stage prompts are few and come once: all those still ahead, however far, so none is lost.
                foreach (var stagePrompt in _options.EffectiveLifeStages)
                {
                    if (LifeStageDate(stagePrompt, start, childAgeAtStart) is { } date && WorkingDayOnOrBefore(date) is var due && date > start && due >= from)
                    {
                        proposals.Add(new ProposedReview(due, ReviewKind.LifeStage, 0, stagePrompt.Name));
                    }
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown review stage.");
        }

        foreach (var rule in _options.EffectiveEvents)
        {
            if (events is not null && events.TryGetValue(rule.Id, out var happens)
                && WorkingDayOnOrBefore(ReviewPeriod.Parse(rule.After).AddTo(happens)) is var due && due >= from)
            {
                proposals.Add(new ProposedReview(due, ReviewKind.Event, 0, rule.Name));
            }
        }

        return proposals.OrderBy(p => p.Due).ThenBy(p => p.Kind).ToList();
    }

    /// <summary>
    /// The review that follows one marked done on <paramref name="reviewedOn"/>. The regulations count the
    /// second review from the first one and later ones from the one before, so the next date runs from the day
    /// the review actually happened (moved to the working day before, if need be). Life-stage, event and custom
    /// dates start no series: null.
    /// </summary>
    public ProposedReview? Next(ReviewStage stage, ReviewKind kind, int sequence, DateOnly reviewedOn)
    {
        switch (kind)
        {
            case ReviewKind.Statutory when stage is ReviewStage.PlacedForAdoption or ReviewStage.AuthorisedNotPlaced:
                var rule = stage == ReviewStage.PlacedForAdoption ? _options.Placed : _options.Authorised;
                var period = ReviewPeriod.Parse(sequence <= 1 ? rule.Second : rule.Then);
                return new ProposedReview(WorkingDayOnOrBefore(period.AddTo(reviewedOn)), ReviewKind.Statutory, sequence + 1, StatutoryLabel(sequence + 1, null));
            case ReviewKind.Annual:
                return new ProposedReview(
                    WorkingDayOnOrBefore(ReviewPeriod.Parse(_options.AfterOrderEvery).AddTo(reviewedOn)), ReviewKind.Annual, sequence + 1, AnnualLabel(sequence + 1));
            default:
                return null;
        }
    }

    private void Statutory(StatutoryRule rule, DateOnly start, DateOnly from, DateOnly horizon, string within, List<ProposedReview> proposals)
    {
        var first = WorkingDayOnOrBefore(ReviewPeriod.Parse(rule.First).AddTo(start));
        var second = WorkingDayOnOrBefore(ReviewPeriod.Parse(rule.Second).AddTo(first));
        var then = ReviewPeriod.Parse(rule.Then);
        void Add(DateOnly due, int sequence, string? label)
        {
            if (due >= from && (sequence == 1 || due <= horizon))
            {
                proposals.Add(new ProposedReview(due, ReviewKind.Statutory, sequence, StatutoryLabel(sequence, label)));
            }
        }

        Add(first, 1, $"{Describe(rule.First)} of {within}");
        Add(second, 2, $"{Describe(rule.Second)} of the first");
        var previous = second;
        for (var n = 1; n < 10000; n++)
        {
            // Counted from the second in one step (so month ends do not drift), but never more than one period after
            // the review before, which may have moved back off a weekend.
            var counted = then.AddTo(second, n);
            var latest = then.AddTo(previous);
            var due = WorkingDayOnOrBefore(counted < latest ? counted : latest);
            if (due > horizon)
            {
                break;
            }

            Add(due, n + 2, null);
            previous = due;
        }
    }

    private static string AnnualLabel(int sequence) => $"Keeping-in-touch review {sequence} after the adoption order";

    private static string StatutoryLabel(int sequence, string? within) =>
        within is null ? $"Statutory review {sequence}" : $"Statutory review {sequence} (within {within})";

    private static DateOnly? LifeStageDate(LifeStageRule rule, DateOnly start, int? childAgeAtStart)
    {
        if (rule.After is not null)
        {
            return ReviewPeriod.Parse(rule.After).AddTo(start);
        }

        // Only the age in whole years is known (KitBot never asks for a date of birth), so the date is approximate.
        return childAgeAtStart is { } age && rule.AtAge > age && rule.AtAge < 18
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
