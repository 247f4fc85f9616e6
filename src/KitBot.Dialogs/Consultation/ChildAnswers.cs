using System.Text.Json.Serialization;

namespace KitBot.Dialogs.Consultation;

/// <summary>What the practitioner said about the child. Ids come from consultation.json; no names or dates.</summary>
public sealed record ChildAnswers
{
    /// <summary>The age band's id, for example <c>2-4</c>.</summary>
    [JsonPropertyName("age")]
    public string AgeBand { get; init; } = string.Empty;

    /// <summary>Where the child is in their journey, for example <c>placed</c>.</summary>
    [JsonPropertyName("journey")]
    public string Journey { get; init; } = string.Empty;

    /// <summary>How the child's wishes and feelings are known, for example <c>shown</c>.</summary>
    [JsonPropertyName("wishes")]
    public string Wishes { get; init; } = string.Empty;

    /// <summary>Identity needs to keep in mind, for example <c>heritage</c>.</summary>
    [JsonPropertyName("identity")]
    public IReadOnlyList<string> IdentityNeeds { get; init => field = value ?? []; } = [];

    /// <summary>An optional name for the plan (a case reference or short label, never a person's name), privacy-checked.</summary>
    [JsonPropertyName("planName")]
    public string? PlanName { get; init; }

    /// <summary>An optional short note, checked for personal details before it was stored.</summary>
    [JsonPropertyName("note")]
    public string? Note { get; init; }
}
