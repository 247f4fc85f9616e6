using System.Text.Json.Serialization;

namespace KitBot.Dialogs.Consultation;

/// <summary>
/// The provisional keeping in touch plan for one important person (planning steps 4 and 5), as the practitioner
/// agreed it after the summary. A field left empty is to be agreed later.
/// </summary>
public sealed record PersonArrangement
{
    /// <summary>The person's id (<see cref="ImportantPerson.Id"/>).</summary>
    [JsonPropertyName("person")]
    public string PersonId { get; init; } = string.Empty;

    /// <summary>The forms chosen, by form id from suggestions.json.</summary>
    [JsonPropertyName("forms")]
    public IReadOnlyList<string> Forms { get; init => field = value ?? []; } = [];

    /// <summary>Another form, in the practitioner's words.</summary>
    [JsonPropertyName("other")]
    public string? OtherForm { get; init; }

    /// <summary>Who is present.</summary>
    [JsonPropertyName("present")]
    public string? Present { get; init; }

    /// <summary>How long.</summary>
    [JsonPropertyName("duration")]
    public string? Duration { get; init; }

    /// <summary>How often.</summary>
    [JsonPropertyName("frequency")]
    public string? Frequency { get; init; }

    /// <summary>Where.</summary>
    [JsonPropertyName("venue")]
    public string? Venue { get; init; }

    /// <summary>Who organises or supervises.</summary>
    [JsonPropertyName("organiser")]
    public string? Organiser { get; init; }

    /// <summary>The support that makes it work (planning step 5).</summary>
    [JsonPropertyName("support")]
    public string? Support { get; init; }
}
