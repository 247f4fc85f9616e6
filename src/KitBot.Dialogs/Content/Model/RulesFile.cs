using System.Text.Json.Serialization;

namespace KitBot.Dialogs.Content.Model;

/// <summary>rules.json: how answers map to suggestions.</summary>
internal sealed record RulesFile
{
    [JsonPropertyName("rules")] public required IReadOnlyList<SuggestionRule> Rules { get; init; }
}

/// <summary>
/// A rule: when every <see cref="When"/> condition holds and, if there are any, at least one <see cref="WhenAny"/>
/// condition holds, it suggests purposes, forms, support and safeguards. <see cref="ExcludeForms"/> wins over any
/// rule's suggestion (a recorded risk rules out unsupervised direct contact); <see cref="LeadForm"/> puts a form first.
/// </summary>
internal sealed record SuggestionRule
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("scope")] public required RuleScope Scope { get; init; }
    [JsonPropertyName("when")] public IReadOnlyList<RuleCondition> When { get; init => field = value ?? []; } = [];
    [JsonPropertyName("whenAny")] public IReadOnlyList<RuleCondition> WhenAny { get; init => field = value ?? []; } = [];
    [JsonPropertyName("purposes")] public IReadOnlyList<string> Purposes { get; init => field = value ?? []; } = [];
    [JsonPropertyName("forms")] public IReadOnlyList<string> Forms { get; init => field = value ?? []; } = [];
    [JsonPropertyName("support")] public IReadOnlyList<string> Support { get; init => field = value ?? []; } = [];
    [JsonPropertyName("safeguards")] public IReadOnlyList<string> Safeguards { get; init => field = value ?? []; } = [];
    [JsonPropertyName("excludeForms")] public IReadOnlyList<string> ExcludeForms { get; init => field = value ?? []; } = [];
    [JsonPropertyName("leadForm")] public string? LeadForm { get; init; }

    /// <summary>True when the forms this rule excludes are simply left out, not listed as "not suggested" (a form already done).</summary>
    [JsonPropertyName("quiet")] public bool Quiet { get; init; }
}

/// <summary>Whether a rule is about each important person or about the family and plan as a whole.</summary>
internal enum RuleScope
{
    [JsonStringEnumMemberName("person")] Person,
    [JsonStringEnumMemberName("family")] Family,
}

/// <summary>One test on the answers. Exactly one kind of test is set.</summary>
internal sealed record RuleCondition
{
    /// <summary>A factor id; with <see cref="Answers"/>, holds when the factor's answer is one of them.</summary>
    [JsonPropertyName("factor")] public string? Factor { get; init; }
    [JsonPropertyName("answers")] public IReadOnlyList<string>? Answers { get; init; }
    [JsonPropertyName("relationships")] public IReadOnlyList<string>? Relationships { get; init; }
    [JsonPropertyName("journeys")] public IReadOnlyList<string>? Journeys { get; init; }
    [JsonPropertyName("ageBands")] public IReadOnlyList<string>? AgeBands { get; init; }
    [JsonPropertyName("wishes")] public IReadOnlyList<string>? Wishes { get; init; }

    /// <summary>Holds when the person's status is one of these.</summary>
    [JsonPropertyName("statuses")] public IReadOnlyList<string>? Statuses { get; init; }

    /// <summary>Holds when the child has any of these identity needs.</summary>
    [JsonPropertyName("identityNeeds")] public IReadOnlyList<string>? IdentityNeeds { get; init; }
}
