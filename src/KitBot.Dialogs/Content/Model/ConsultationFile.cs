using System.Text.Json.Serialization;

namespace KitBot.Dialogs.Content.Model;

/// <summary>consultation.json: the questions about the child and the people, step wording and limits.</summary>
internal sealed record ConsultationFile
{
    [JsonPropertyName("ageBands")] public required IReadOnlyList<ContentOption> AgeBands { get; init; }
    [JsonPropertyName("journeyStages")] public required IReadOnlyList<ContentOption> JourneyStages { get; init; }
    [JsonPropertyName("wishesKnown")] public required IReadOnlyList<ContentOption> WishesKnown { get; init; }
    [JsonPropertyName("identityNeeds")] public required IReadOnlyList<ContentOption> IdentityNeeds { get; init; }
    [JsonPropertyName("relationships")] public required IReadOnlyList<ContentOption> Relationships { get; init; }

    /// <summary>Where each important person is now (in touch, another adoptive family, whereabouts unknown...).</summary>
    [JsonPropertyName("statuses")] public required IReadOnlyList<ContentOption> Statuses { get; init; }
    [JsonPropertyName("people")] public required PeopleLimits People { get; init; }
    [JsonPropertyName("steps")] public required IReadOnlyDictionary<string, StepText> Steps { get; init; }
    [JsonPropertyName("questions")] public required IReadOnlyDictionary<string, QuestionText> Questions { get; init; }
    [JsonPropertyName("limits")] public required TextLimits Limits { get; init; }
}

/// <summary>One answer in a fixed list: a stable id and the words shown.</summary>
internal sealed record ContentOption
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("text")] public required string Text { get; init; }

    /// <summary>How the plan says it of the child, after "the child" (journey stages and wishes only).</summary>
    [JsonPropertyName("finding")] public string? Finding { get; init; }
}

/// <summary>How many people the people card offers, and when to warn about social exhaustion.</summary>
internal sealed record PeopleLimits
{
    [JsonPropertyName("minRows")] public required int MinRows { get; init; }
    [JsonPropertyName("extraRows")] public required int ExtraRows { get; init; }
    [JsonPropertyName("maxPeople")] public required int MaxPeople { get; init; }
    [JsonPropertyName("exhaustionAt")] public required int ExhaustionAt { get; init; }
}

/// <summary>A step's title, introduction and help.</summary>
internal sealed record StepText
{
    [JsonPropertyName("title")] public required string Title { get; init; }
    [JsonPropertyName("intro")] public required string Intro { get; init; }
    [JsonPropertyName("help")] public required string Help { get; init; }
}

/// <summary>A question's label and the message when its answer cannot be used.</summary>
internal sealed record QuestionText
{
    [JsonPropertyName("label")] public required string Label { get; init; }
    [JsonPropertyName("error")] public required string Error { get; init; }
}

/// <summary>Lengths of free text.</summary>
internal sealed record TextLimits
{
    [JsonPropertyName("noteLength")] public required int NoteLength { get; init; }
    [JsonPropertyName("labelLength")] public required int LabelLength { get; init; }
}
