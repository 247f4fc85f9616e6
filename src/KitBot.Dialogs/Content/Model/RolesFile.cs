using System.Text.Json.Serialization;

namespace KitBot.Dialogs.Content.Model;

/// <summary>roles.json: who does what, the child's stages, and the legal levers.</summary>
internal sealed record RolesFile
{
    [JsonPropertyName("levers")] public required IReadOnlyList<LegalLever> Levers { get; init; }
    [JsonPropertyName("stages")] public required IReadOnlyList<RoleStage> Stages { get; init; }
    [JsonPropertyName("roles")] public required IReadOnlyList<Role> Roles { get; init; }
}

/// <summary>A section of law that can shape keeping in touch.</summary>
internal sealed record LegalLever
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("text")] public required string Text { get; init; }
}

/// <summary>A stage of the child's journey (ids from consultation.json) and the levers that apply.</summary>
internal sealed record RoleStage
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("levers")] public required IReadOnlyList<string> Levers { get; init; }
    [JsonPropertyName("note")] public required string Note { get; init; }
}

/// <summary>A role in the child's keeping in touch plan.</summary>
internal sealed record Role
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("bestPlacedTo")] public required string BestPlacedTo { get; init; }
    [JsonPropertyName("actions")] public required IReadOnlyList<string> Actions { get; init; }

    /// <summary>Extra actions at particular stages, keyed by stage id; shown before the general actions.</summary>
    [JsonPropertyName("byStage")] public IReadOnlyDictionary<string, IReadOnlyList<string>> ByStage { get; init => field = value ?? new Dictionary<string, IReadOnlyList<string>>(); } = new Dictionary<string, IReadOnlyList<string>>();
    [JsonPropertyName("involve")] public required IReadOnlyList<string> Involve { get; init; }
}
