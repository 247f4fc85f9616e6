using System.Text.Json.Serialization;

namespace KitBot.Dialogs.Plans;

/// <summary>A section's text as a version holds it.</summary>
/// <param name="Id">The section's id (see <see cref="PlanSectionIds"/>).</param>
/// <param name="Text">The section's whole text in that version.</param>
public sealed record PlanSectionText(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("text")] string Text);
