using System.Text.Json.Serialization;

namespace KitBot.Dialogs.Plans;

/// <summary>One section of a plan: its text as drafted, or as the practitioner last saved it.</summary>
public sealed record PlanSection
{
    /// <summary>The section's id (see <see cref="PlanSectionIds"/>).</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    /// <summary>The section's plain text: lines separated by a line feed, paragraphs by a blank line.</summary>
    [JsonPropertyName("text")]
    public string Text { get; init; } = string.Empty;

    /// <summary>
    /// How many times the text has been saved since it was drafted. Cards carry it, so a save from a card sent
    /// before the latest change is recognised and never overwrites that change.
    /// </summary>
    [JsonPropertyName("rev")]
    public int Revision { get; init; }

    /// <summary>True once the practitioner has saved their own version.</summary>
    [JsonPropertyName("edited")]
    public bool Edited { get; init; }
}
