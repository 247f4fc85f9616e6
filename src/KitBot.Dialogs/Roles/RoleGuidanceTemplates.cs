namespace KitBot.Dialogs.Roles;

/// <summary>Role guidance's card templates (files in <c>cards/</c>).</summary>
public static class RoleGuidanceTemplates
{
    /// <summary>Choose a role and the child's stage.</summary>
    public const string Pick = "roles-pick";

    /// <summary>The guidance for a role at a stage.</summary>
    public const string Guidance = "roles-guidance";

    /// <summary>Every template role guidance sends.</summary>
    public static IReadOnlyList<string> All { get; } = [Pick, Guidance];
}
