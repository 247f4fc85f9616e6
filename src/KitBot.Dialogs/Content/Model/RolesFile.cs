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

    /// <summary>Everything this role may do, each saying at which stages it applies.</summary>
    [JsonPropertyName("actions")] public required IReadOnlyList<RoleAction> Actions { get; init; }
    [JsonPropertyName("involve")] public required IReadOnlyList<string> Involve { get; init; }
}

/// <summary>One thing a role can do, and the stages (journey stage ids) at which it can be done.</summary>
internal sealed record RoleAction
{
    [JsonPropertyName("id")] public required string Id { get; init; }

    /// <summary>The stages at which the action exists: never empty, so no action is shown where it cannot be done.</summary>
    [JsonPropertyName("stages")] public required IReadOnlyList<string> Stages { get; init; }
    [JsonPropertyName("text")] public required string Text { get; init; }
}
