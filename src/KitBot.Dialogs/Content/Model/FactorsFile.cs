using System.Text.Json.Serialization;

namespace KitBot.Dialogs.Content.Model;

/// <summary>factors.json: the strengths and challenges asked about, and the four answers.</summary>
internal sealed record FactorsFile
{
    [JsonPropertyName("answers")] public required IReadOnlyList<ContentOption> Answers { get; init; }
    [JsonPropertyName("groups")] public required IReadOnlyList<FactorGroup> Groups { get; init; }
    [JsonPropertyName("factors")] public required IReadOnlyList<Factor> Factors { get; init; }
}

/// <summary>Whose strengths and challenges a factor is about.</summary>
internal sealed record FactorGroup
{
    /// <summary>One of <see cref="FactorGroups"/>.</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }

    /// <summary>The heading; <c>{label}</c> is the person's label.</summary>
    [JsonPropertyName("title")] public required string Title { get; init; }
}

/// <summary>One strength or challenge.</summary>
internal sealed record Factor
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("group")] public required string Group { get; init; }
    [JsonPropertyName("kind")] public required FactorKind Kind { get; init; }
    [JsonPropertyName("text")] public required string Text { get; init; }

    /// <summary>Whom <see cref="Finding"/> is said of: <c>child</c>, <c>person</c>, <c>adopters</c>, or <c>clause</c> (a whole clause).</summary>
    [JsonPropertyName("subject")] public required string Subject { get; init; }

    /// <summary>How the plan says a yes, after the subject (see the comment at the top of factors.json).</summary>
    [JsonPropertyName("finding")] public required string Finding { get; init; }

    /// <summary>How the plan says a no, where it matters; null leaves a no unsaid.</summary>
    [JsonPropertyName("no")] public string? No { get; init; }

    /// <summary>One of the most telling points: asked first, and listed under "Still to find out" when not known.</summary>
    [JsonPropertyName("key")] public bool Key { get; init; }

    /// <summary>Must be answered (yes, no, not sure or not known) before the card moves on.</summary>
    [JsonPropertyName("required")] public bool Required { get; init; }

    /// <summary>Relationships this factor is not asked about (it would not make sense for them).</summary>
    [JsonPropertyName("notFor")] public IReadOnlyList<string> NotFor { get; init => field = value ?? []; } = [];

    /// <summary>Statuses a person can have for this factor not to be asked (it would not make sense: a person who has died).</summary>
    [JsonPropertyName("notForStatus")] public IReadOnlyList<string> NotForStatus { get; init => field = value ?? []; } = [];

    /// <summary>When not empty, the only relationships this factor is asked about.</summary>
    [JsonPropertyName("onlyFor")] public IReadOnlyList<string> OnlyFor { get; init => field = value ?? []; } = [];

    /// <summary>True when the factor is asked about a person with this relationship.</summary>
    public bool AppliesTo(string relationship) =>
        !NotFor.Contains(relationship, StringComparer.Ordinal) && (OnlyFor.Count == 0 || OnlyFor.Contains(relationship, StringComparer.Ordinal));

    /// <summary>True when the factor is asked about this person: their relationship and their status.</summary>
    public bool AppliesTo(Consultation.ImportantPerson person) =>
        AppliesTo(person.Relationship) && !NotForStatus.Contains(person.StatusOrDefault, StringComparer.Ordinal);
}

/// <summary>Strength or challenge.</summary>
internal enum FactorKind
{
    [JsonStringEnumMemberName("strength")] Strength,
    [JsonStringEnumMemberName("challenge")] Challenge,

    /// <summary>Neither: a fact that shapes the plan (a farewell meeting already held).</summary>
    [JsonStringEnumMemberName("fact")] Fact,
}

/// <summary>Whom a factor's finding is said of.</summary>
internal static class FactorSubjects
{
    public const string Child = "child";
    public const string Person = "person";
    public const string Adopters = "adopters";
    public const string Clause = "clause";

    public static readonly IReadOnlyList<string> All = [Child, Person, Adopters, Clause];
}

/// <summary>The four factor groups the consultation knows.</summary>
internal static class FactorGroups
{
    public const string Child = "child";
    public const string Person = "person";
    public const string Adopters = "adopters";
    public const string Adults = "adults";

    public static readonly IReadOnlyList<string> All = [Child, Person, Adopters, Adults];

    /// <summary>Groups answered once per important person (the others once per consultation).</summary>
    public static bool IsPerPerson(string group) => group is Child or Person;
}
