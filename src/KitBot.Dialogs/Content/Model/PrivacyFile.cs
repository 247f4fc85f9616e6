using System.Text.Json.Serialization;

namespace KitBot.Dialogs.Content.Model;

/// <summary>privacy.json: the given names, name-like everyday words and well-known titles the privacy check uses.</summary>
internal sealed record PrivacyFile
{
    /// <summary>Where the names come from, and under what licence (shown in the file; kept for the record).</summary>
    [JsonPropertyName("source")] public required string Source { get; init; }
    [JsonPropertyName("licence")] public required string Licence { get; init; }
    [JsonPropertyName("note")] public string Note { get; init; } = "";

    /// <summary>Given names, matched case-insensitively as whole words.</summary>
    [JsonPropertyName("givenNames")] public required IReadOnlyList<string> GivenNames { get; init; }

    /// <summary>A local authority's extra names (empty built in, so an override adds rather than replaces).</summary>
    [JsonPropertyName("localGivenNames")] public IReadOnlyList<string> LocalGivenNames { get; init; } = [];

    /// <summary>Names that are also everyday words: flagged only capitalised mid-sentence, or at a sentence start before a verb.</summary>
    [JsonPropertyName("wordNames")] public IReadOnlyList<string> WordNames { get; init; } = [];

    /// <summary>Words never flagged as a bare name.</summary>
    [JsonPropertyName("notNames")] public IReadOnlyList<string> NotNames { get; init; } = [];

    /// <summary>Books, films, programmes and characters: never read as a person's name.</summary>
    [JsonPropertyName("titles")] public IReadOnlyList<string> Titles { get; init; } = [];
}
