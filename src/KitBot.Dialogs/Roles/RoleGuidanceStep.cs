using System.Text.Json.Serialization;

namespace KitBot.Dialogs.Roles;

/// <summary>The two cards of role guidance.</summary>
public enum RoleGuidanceStep
{
    /// <summary>Choosing a role and the child's stage.</summary>
    [JsonStringEnumMemberName("pick")] Pick,

    /// <summary>Reading the guidance.</summary>
    [JsonStringEnumMemberName("guidance")] Guidance,
}
