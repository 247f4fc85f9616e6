using KitBot.Dialogs.Content;

namespace KitBot.Dialogs.Plans;

/// <summary>
/// A whole plan as a document, for export: its title, and each section's heading and text exactly as the plan's
/// cards show it (the practitioner's saved version where they have edited it).
/// </summary>
/// <param name="Title">The plan's title.</param>
/// <param name="Created">When the plan was drafted (UTC), for a file name.</param>
/// <param name="Sections">The sections, in order.</param>
/// <param name="Version">A line naming the current version and its date, for example "Version 2, 5 Dec 2026"; empty for none.</param>
/// <param name="HistoryHeading">The revision history's heading.</param>
/// <param name="History">The revision history, newest first: one line per kept version (number, date, reason).</param>
public sealed record PlanDocument(
    string Title,
    DateTimeOffset Created,
    IReadOnlyList<PlanDocumentSection> Sections,
    string Version = "",
    string HistoryHeading = "",
    IReadOnlyList<string>? History = null)
{
    /// <summary>The revision history's lines, newest first (empty for none).</summary>
    public IReadOnlyList<string> HistoryLines => History ?? [];

    /// <summary>The plan <paramref name="planId"/> in <paramref name="state"/> as a document, or null when it is not there.</summary>
    public static PlanDocument? Find(PracticeContent content, Engine.ConversationState state, string planId)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(state);
        return state.Plans.FirstOrDefault(p => p.Id == planId) is { } plan ? From(content, plan) : null;
    }

    /// <summary>A plan as a document.</summary>
    public static PlanDocument From(PracticeContent content, PlanState plan)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(plan);
        // Dates in KitBot's default zone (Europe/London): the file is for the record, not one person's chat.
        var history = PlanVersions.History(plan);
        var current = history[^1];
        return new PlanDocument(
            plan.Title,
            plan.Created,
            [.. plan.Sections.Select(s => new PlanDocumentSection(s.Id, PlanCards.Heading(content, s.Id), s.Text))],
            content.PlanMessage(PlanMessageKeys.ExportVersion, ("n", current.Number), ("date", PlanDrafter.Date(current.At, null))),
            content.PlanMessage(PlanMessageKeys.ExportHistory),
            [.. history.Reverse().Select(v => content.PlanMessage(
                PlanMessageKeys.ExportHistoryLine, ("n", v.Number), ("date", PlanDrafter.Date(v.At, null)), ("reason", PlanVersionCards.Reason(content, v))))]);
    }

    /// <summary>
    /// The whole plan as plain text: the title, then each heading followed by its text, separated by blank lines.
    /// Lines end with <paramref name="newLine"/>.
    /// </summary>
    public string ToPlainText(string newLine = "\n")
    {
        var blocks = new[] { Version.Length > 0 ? Title + "\n" + Version : Title }
            .Concat(Sections.Select(s => s.Heading + "\n" + s.Text))
            .Concat(HistoryLines.Count > 0 ? [HistoryHeading + "\n" + string.Join("\n", HistoryLines)] : []);
        return string.Join("\n\n", blocks).Replace("\n", newLine, StringComparison.Ordinal) + newLine;
    }
}
