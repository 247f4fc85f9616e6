using System.Text.Json.Serialization;

namespace KitBot.Dialogs.Consultation;

/// <summary>Someone important to the child, by relationship and the practitioner's label (never a name).</summary>
public sealed record ImportantPerson
{
    /// <summary>A stable id within the consultation, for example <c>p1</c>.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    /// <summary>The relationship's id from consultation.json, for example <c>sibling-apart</c>.</summary>
    [JsonPropertyName("rel")]
    public string Relationship { get; init; } = string.Empty;

    /// <summary>Where the person is now (a status id from consultation.json, for example <c>whereabouts-unknown</c>); empty means in touch.</summary>
    [JsonPropertyName("status")]
    public string Status { get; init => field = value ?? string.Empty; } = string.Empty;

    /// <summary>The status, with an empty one (older state) read as in touch.</summary>
    [JsonIgnore]
    public string StatusOrDefault => string.IsNullOrEmpty(Status) ? DefaultStatus : Status;

    /// <summary>The status a person has when none was chosen.</summary>
    public const string DefaultStatus = "in-touch";

    /// <summary>The practitioner's label, for example <c>Older sister (12)</c>.</summary>
    [JsonPropertyName("label")]
    public string Label { get; init; } = string.Empty;

    /// <summary>Answers about this person and the child in relation to them, by factor id.</summary>
    [JsonPropertyName("answers")]
    public IReadOnlyDictionary<string, FactorAnswer> Answers { get; init => field = value ?? Empty; } = Empty;

    private static IReadOnlyDictionary<string, FactorAnswer> Empty { get; } = new Dictionary<string, FactorAnswer>();
}
