namespace KitBot.Dialogs.Plans;

/// <summary>One section of a <see cref="PlanDocument"/>.</summary>
/// <param name="Id">The section's id (see <see cref="PlanSectionIds"/>).</param>
/// <param name="Heading">The section's heading.</param>
/// <param name="Text">The section's plain text: lines separated by a line feed, paragraphs by a blank line.</param>
public sealed record PlanDocumentSection(string Id, string Heading, string Text)
{
    /// <summary>The section's lines that hold text, in order: one paragraph each in a document.</summary>
    public IReadOnlyList<string> Lines => [.. Text.Split('\n').Where(l => l.Trim().Length > 0)];
}
