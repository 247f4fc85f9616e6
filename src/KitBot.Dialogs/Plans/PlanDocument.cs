using KitBot.Dialogs.Content;

namespace KitBot.Dialogs.Plans;

/// <summary>
/// A whole plan as a document, for export: its title, and each section's heading and text exactly as the plan's
/// cards show it (the practitioner's saved version where they have edited it).
/// </summary>
/// <param name="Title">The plan's title.</param>
/// <param name="Created">When the plan was drafted (UTC), for a file name.</param>
/// <param name="Sections">The sections, in order.</param>
public sealed record PlanDocument(string Title, DateTimeOffset Created, IReadOnlyList<PlanDocumentSection> Sections)
{
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
        return new PlanDocument(
            plan.Title,
            plan.Created,
            [.. plan.Sections.Select(s => new PlanDocumentSection(s.Id, PlanCards.Heading(content, s.Id), s.Text))]);
    }

    /// <summary>
    /// The whole plan as plain text: the title, then each heading followed by its text, separated by blank lines.
    /// Lines end with <paramref name="newLine"/>.
    /// </summary>
    public string ToPlainText(string newLine = "\n")
    {
        var blocks = new[] { Title }.Concat(Sections.Select(s => s.Heading + "\n" + s.Text));
        return string.Join("\n\n", blocks).Replace("\n", newLine, StringComparison.Ordinal) + newLine;
    }
}
