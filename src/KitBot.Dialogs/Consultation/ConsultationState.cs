using System.Text.Json.Serialization;

namespace KitBot.Dialogs.Consultation;

/// <summary>
/// A keeping-in-touch consultation: the answers given so far and where it has got to. Persisted inside
/// <see cref="Engine.ConversationState"/>; property names are stable wire names. The summary is not stored: it is
/// worked out from these answers and the practice content whenever it is shown.
/// </summary>
public sealed record ConsultationState
{
    /// <summary>This consultation's id; its cards carry it, so cards from another consultation are recognised.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    /// <summary>When it was started (UTC).</summary>
    [JsonPropertyName("started")]
    public DateTimeOffset Started { get; init; }

    /// <summary>The step it is waiting on.</summary>
    [JsonPropertyName("step")]
    public ConsultationStep Step { get; init; }

    /// <summary>At <see cref="ConsultationStep.Person"/>, the index in <see cref="People"/> being asked about.</summary>
    [JsonPropertyName("person")]
    public int PersonIndex { get; init; }

    /// <summary>The answers about the child, once given.</summary>
    [JsonPropertyName("child")]
    public ChildAnswers? Child { get; init; }

    /// <summary>The people important to the child, in the order the practitioner listed them.</summary>
    [JsonPropertyName("people")]
    public IReadOnlyList<ImportantPerson> People { get; init => field = value ?? []; } = [];

    /// <summary>Answers about the adoptive parents (or permanent carers), by factor id.</summary>
    [JsonPropertyName("adopters")]
    public IReadOnlyDictionary<string, FactorAnswer> Adopters { get; init => field = value ?? Empty; } = Empty;

    /// <summary>Answers about the relationship between the adults and the plan as a whole, by factor id.</summary>
    [JsonPropertyName("adults")]
    public IReadOnlyDictionary<string, FactorAnswer> Adults { get; init => field = value ?? Empty; } = Empty;

    /// <summary>The provisional keeping in touch plan agreed for each person, once the plan step is done (empty before).</summary>
    [JsonPropertyName("arrangements")]
    public IReadOnlyList<PersonArrangement> Arrangements { get; init => field = value ?? []; } = [];

    /// <summary>The review timing and triggers agreed at the plan step, if any.</summary>
    [JsonPropertyName("review")]
    public ReviewChoice? Review { get; init; }

    /// <summary>When the practitioner finished it (UTC); null while it is in progress.</summary>
    [JsonPropertyName("completed")]
    public DateTimeOffset? Completed { get; init; }

    /// <summary>True while the consultation can be resumed.</summary>
    [JsonIgnore]
    public bool InProgress => Completed is null;

    private static IReadOnlyDictionary<string, FactorAnswer> Empty { get; } = new Dictionary<string, FactorAnswer>();
}
