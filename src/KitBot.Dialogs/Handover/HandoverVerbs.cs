namespace KitBot.Dialogs.Handover;

/// <summary>
/// The verbs for handing a plan over and sharing its reminders, and the data keys they carry. All are answered by the
/// host (they read and write stored rows and two people's state), using the pure decisions in this folder.
/// </summary>
public static class HandoverVerbs
{
    /// <summary>The owner asks for a hand-over code for a plan (with <see cref="Plan"/>, or <see cref="Which"/> when typed).</summary>
    public const string Start = "handover.start";

    /// <summary>The owner asks for a reminder partner code for a plan (with <see cref="Plan"/>, or <see cref="Which"/> when typed).</summary>
    public const string Partner = "handover.partner";

    /// <summary>A colleague takes a plan over with a code (typed "take over CODE"; with <see cref="Code"/>).</summary>
    public const string Take = "handover.take";

    /// <summary>A colleague becomes a plan's reminder partner with a code (typed "share reminders CODE"; with <see cref="Code"/>).</summary>
    public const string Share = "handover.share";

    /// <summary>The plan's id, as a plan card's button carries it.</summary>
    public const string Plan = "plan";

    /// <summary>The words typed after "hand over" or "reminder partner": a plan's number in My plans, or words of its title.</summary>
    public const string Which = "which";

    /// <summary>The code typed after "take over" or "share reminders".</summary>
    public const string Code = "code";

    /// <summary>Every verb in this feature.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { Start, Partner, Take, Share };
}
