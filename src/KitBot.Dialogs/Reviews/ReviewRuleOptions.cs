namespace KitBot.Dialogs.Reviews;

/// <summary>
/// The review schedule rules (settings section <c>Reminders:Rules</c>). The defaults are the maxima in the
/// Adoption Agencies Regulations 2005 reg 36 and KitBot's after-order practice (PRACTICE.md, "Law and
/// timings in England"); a local authority can change any of them. Periods are ISO 8601 (<c>P4W</c>, <c>P3M</c>).
/// </summary>
public sealed class ReviewRuleOptions
{
    /// <summary>Placed for adoption: first within 4 weeks of placement, second within 3 months of the first, then every 6 months.</summary>
    public StatutoryRule Placed { get; set; } = new() { First = "P4W", Second = "P3M", Then = "P6M" };

    /// <summary>Authorised to be placed, not yet placed: first within 3 months of the authority, then every 6 months.</summary>
    public StatutoryRule Authorised { get; set; } = new() { First = "P3M", Second = "P6M", Then = "P6M" };

    /// <summary>After the adoption order: how often keeping in touch is reviewed.</summary>
    public string AfterOrderEvery { get; set; } = "P1Y";

    /// <summary>
    /// After the adoption order: prompts at points in the child's life; null means <see cref="DefaultLifeStages"/>.
    /// (Null rather than a filled array, because configuration binding appends to an array it finds filled.)
    /// </summary>
    public LifeStageRule[]? LifeStages { get; set; }

    /// <summary>The life-stage prompts in force.</summary>
    public IReadOnlyList<LifeStageRule> EffectiveLifeStages => LifeStages ?? DefaultLifeStages;

    /// <summary>
    /// The default life-stage prompts (PRACTICE.md). The first exchange or meeting after placement is an
    /// <see cref="Events">event</see>, dated from when it happens, not from the order.
    /// </summary>
    public static IReadOnlyList<LifeStageRule> DefaultLifeStages { get; } =
    [
        new() { Name = "Starting school", AtAge = 4 },
        new() { Name = "Moving to secondary school", AtAge = 11 },
        new() { Name = "Mid-adolescence", AtAge = 14 },
        new() { Name = "Approaching 18: letterbox ends, access to records", AtAge = 17 },
    ];

    /// <summary>
    /// Reviews tied to events the practitioner dates on the set-up card; null means <see cref="DefaultEvents"/>.
    /// </summary>
    public EventRule[]? Events { get; set; }

    /// <summary>The event-based reviews in force.</summary>
    public IReadOnlyList<EventRule> EffectiveEvents => Events ?? DefaultEvents;

    /// <summary>The default event-based reviews: a look at how it went, two weeks after each (PRACTICE.md).</summary>
    public static IReadOnlyList<EventRule> DefaultEvents { get; } =
    [
        new() { Id = "firstExchange", Event = "The first exchange or meeting after placement", Name = "How the first exchange or meeting after placement went" },
        new() { Id = "firstSiblingMeeting", Event = "The first sibling meeting", Name = "How the first sibling meeting went" },
    ];

    /// <summary>How far ahead of today KitBot proposes the repeating reviews; later ones follow as reviews are marked done.</summary>
    public string ProposeAhead { get; set; } = "P2Y";

    /// <summary>Throws, naming the setting, when a rule is not a valid period.</summary>
    public void Validate()
    {
        Check(Placed.First, "Placed:First");
        Check(Placed.Second, "Placed:Second");
        Check(Placed.Then, "Placed:Then");
        Check(Authorised.First, "Authorised:First");
        Check(Authorised.Second, "Authorised:Second");
        Check(Authorised.Then, "Authorised:Then");
        Check(AfterOrderEvery, "AfterOrderEvery");
        Check(ProposeAhead, "ProposeAhead");
        foreach (var rule in EffectiveEvents)
        {
            if (string.IsNullOrWhiteSpace(rule.Name) || string.IsNullOrWhiteSpace(rule.Event) || !IsId(rule.Id))
            {
                throw new FormatException("Reminders:Rules:Events: each needs an Id (letters, digits and dashes), an Event and a Name.");
            }

            Check(rule.After, "Events:After");
        }

        if (EffectiveEvents.Select(e => e.Id).Distinct(StringComparer.Ordinal).Count() != EffectiveEvents.Count)
        {
            throw new FormatException("Reminders:Rules:Events: each Id may be used once.");
        }

        foreach (var stage in EffectiveLifeStages)
        {
            if (string.IsNullOrWhiteSpace(stage.Name) || (stage.AtAge is null) == (stage.After is null))
            {
                throw new FormatException("Reminders:Rules:LifeStages: each needs a Name and exactly one of AtAge or After.");
            }

            if (stage.After is not null)
            {
                Check(stage.After, "LifeStages:After");
            }
        }
    }

    private static bool IsId(string id) =>
        id.Length is > 0 and <= 40 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && id != "start" && id != "age" && id != "stage";

    private static void Check(string value, string name)
    {
        if (!ReviewPeriod.TryParse(value, out _))
        {
            throw new FormatException($"Reminders:Rules:{name} is '{value}', not a period like P4W, P3M or P1Y.");
        }
    }
}
