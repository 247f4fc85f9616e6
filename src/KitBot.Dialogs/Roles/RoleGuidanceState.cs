using System.Text.Json.Serialization;

namespace KitBot.Dialogs.Roles;

/// <summary>Role guidance in progress: the role and stage chosen, and which card is showing.</summary>
public sealed record RoleGuidanceState
{
    /// <summary>The card the person is on.</summary>
    [JsonPropertyName("step")]
    public RoleGuidanceStep Step { get; init; }

    /// <summary>The role's id from roles.json, once chosen.</summary>
    [JsonPropertyName("role")]
    public string? Role { get; init; }

    /// <summary>The child's stage (a journey stage id), once chosen.</summary>
    [JsonPropertyName("stage")]
    public string? Stage { get; init; }
}
