using System.Text.Json.Serialization;

namespace KitBot.Dialogs.Consultation;

/// <summary>The answer to one strength or challenge, with an optional short note.</summary>
/// <param name="Answer">Yes, no, not sure or not known.</param>
/// <param name="Note">An optional note, checked for personal details before it was stored.</param>
public sealed record FactorAnswer(
    [property: JsonPropertyName("a")] FactorAnswerValue Answer,
    [property: JsonPropertyName("note")] string? Note = null);
