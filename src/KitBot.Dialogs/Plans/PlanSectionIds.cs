namespace KitBot.Dialogs.Plans;

/// <summary>
/// The ids of a plan's seven sections, in order: the six planning steps in PRACTICE.md, then the check against the
/// five principles. They are stable wire names: stored in state and carried by card actions.
/// </summary>
public static class PlanSectionIds
{
    /// <summary>What keeping in touch is for, with each person.</summary>
    public const string Purpose = "purpose";

    /// <summary>Who is important, and why.</summary>
    public const string People = "people";

    /// <summary>Strengths and challenges of the child, each person, and the adoptive parents.</summary>
    public const string Strengths = "strengths";

    /// <summary>The provisional keeping in touch plan: for each person, form, who, how long, how often, where, who organises.</summary>
    public const string KeepingInTouch = "kit";

    /// <summary>The provisional support plan: for the child, the adoptive parents and the birth relatives.</summary>
    public const string Support = "support";

    /// <summary>Reviewing the plan: when, and what triggers an earlier review.</summary>
    public const string Review = "review";

    /// <summary>The check against the five principles.</summary>
    public const string Principles = "principles";

    /// <summary>Every section, in the order the plan shows them.</summary>
    public static IReadOnlyList<string> All { get; } = [Purpose, People, Strengths, KeepingInTouch, Support, Review, Principles];
}
