using System.Text.Json.Serialization;

namespace KitBot.Dialogs.Content.Model;

/// <summary>suggestions.json: purposes, forms of keeping in touch, and the support and safeguard wording.</summary>
internal sealed record SuggestionsFile
{
    [JsonPropertyName("purposes")] public required IReadOnlyList<ContentOption> Purposes { get; init; }
    [JsonPropertyName("forms")] public required IReadOnlyList<ContactForm> Forms { get; init; }
    [JsonPropertyName("advice")] public required IReadOnlyList<ContentOption> Advice { get; init; }

    /// <summary>The five principles every plan should meet, shown as a check at the end of the summary.</summary>
    [JsonPropertyName("principles")] public required IReadOnlyList<ContentOption> Principles { get; init; }
}

/// <summary>A form of keeping in touch.</summary>
internal sealed record ContactForm
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("description")] public required string Description { get; init; }

    /// <summary>True for direct forms no professional supervises: never suggested where a risk is recorded.</summary>
    [JsonPropertyName("unsupervisedDirect")] public required bool UnsupervisedDirect { get; init; }

    /// <summary>What the provisional plan step fills in when this form is the one first suggested (all editable).</summary>
    [JsonPropertyName("defaults")] public FormDefaults Defaults { get; init => field = value ?? new(); } = new();
}

/// <summary>Suggested details for a form; "this person" is said as the person's label. Empty means to be agreed.</summary>
internal sealed record FormDefaults
{
    [JsonPropertyName("present")] public string? Present { get; init; }
    [JsonPropertyName("duration")] public string? Duration { get; init; }
    [JsonPropertyName("frequency")] public string? Frequency { get; init; }
    [JsonPropertyName("venue")] public string? Venue { get; init; }
    [JsonPropertyName("organiser")] public string? Organiser { get; init; }
}
