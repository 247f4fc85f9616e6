namespace KitBot.Dialogs.Roles;

/// <summary>Role guidance's card verbs.</summary>
public static class RoleGuidanceVerbs
{
    /// <summary>Show guidance, on the card choosing a role and stage.</summary>
    public const string Show = "roles.show";
}
