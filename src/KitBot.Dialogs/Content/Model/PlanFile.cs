using System.Text.Json.Serialization;

namespace KitBot.Dialogs.Content.Model;

/// <summary>plan.json: the wording of the draft plan, its sections, and how suggestions are arranged in it.</summary>
internal sealed record PlanFile
{
    /// <summary>The plan's title; <c>{age}</c> is the child's age band, <c>{date}</c> the day it was started.</summary>
    [JsonPropertyName("title")] public required string Title { get; init; }

    /// <summary>The title when the practitioner named the plan; <c>{name}</c> is that name.</summary>
    [JsonPropertyName("titleNamed")] public string? TitleNamed { get; init; }

    /// <summary>How many plans one person keeps; finishing another removes the oldest.</summary>
    [JsonPropertyName("maxPlans")] public required int MaxPlans { get; init; }

    /// <summary>The seven sections, in order (ids are fixed: see <see cref="Plans.PlanSectionIds"/>).</summary>
    [JsonPropertyName("sections")] public required IReadOnlyList<PlanSectionText> Sections { get; init; }

    /// <summary>The arrangements to agree for each person (form, who is present, how long...).</summary>
    [JsonPropertyName("arrangements")] public required IReadOnlyList<ContentOption> Arrangements { get; init; }

    /// <summary>Who each kind of support is for.</summary>
    [JsonPropertyName("supportGroups")] public required IReadOnlyList<SupportGroup> SupportGroups { get; init; }

    /// <summary>Safeguards (advice ids) shown under reviewing the plan.</summary>
    [JsonPropertyName("reviewAdvice")] public required IReadOnlyList<string> ReviewAdvice { get; init; }

    /// <summary>The suggested review schedule for each journey stage.</summary>
    [JsonPropertyName("reviewByJourney")] public required IReadOnlyDictionary<string, string> ReviewByJourney { get; init; }

    /// <summary>What the provisional plan step fills in for when the plan will be reviewed, by journey stage.</summary>
    [JsonPropertyName("reviewPrefill")] public IReadOnlyDictionary<string, string> ReviewPrefill { get; init => field = value ?? new Dictionary<string, string>(); } = new Dictionary<string, string>();

    /// <summary>Age bands in which the plan says "the young person" rather than "the child".</summary>
    [JsonPropertyName("youngPersonAgeBands")] public IReadOnlyList<string> YoungPersonAgeBands { get; init => field = value ?? []; } = [];

    /// <summary>Relationships whose label names more than one person (former foster carers), for verbs that agree.</summary>
    [JsonPropertyName("pluralRelationships")] public IReadOnlyList<string> PluralRelationships { get; init => field = value ?? []; } = [];

    /// <summary>The child's factors that say why a person matters (under "Who is important and why", not repeated after).</summary>
    [JsonPropertyName("whyFactors")] public IReadOnlyList<string> WhyFactors { get; init => field = value ?? []; } = [];

    /// <summary>Every other sentence of the plan and its cards, by key (see <see cref="PlanMessageKeys"/>).</summary>
    [JsonPropertyName("messages")] public required IReadOnlyDictionary<string, string> Messages { get; init; }
}

/// <summary>A plan section's heading and introduction.</summary>
internal sealed record PlanSectionText
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("heading")] public required string Heading { get; init; }
    /// <summary>What the section is for (shown to practitioners as help; not part of the plan's text).</summary>
    [JsonPropertyName("intro")] public string? Intro { get; init; }
}

/// <summary>Whom some kinds of support are for, and the advice ids that belong to them.</summary>
internal sealed record SupportGroup
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("heading")] public required string Heading { get; init; }
    [JsonPropertyName("advice")] public required IReadOnlyList<string> Advice { get; init; }
}
