namespace KitBot.Content;

/// <summary>The <c>Content</c> settings section: the local authority's own practice content.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>
    /// A folder of JSON files that override KitBot's built-in practice content key by key (the same file names:
    /// consultation.json, factors.json, suggestions.json, rules.json, roles.json, wording.json, plan.json, privacy.json). Empty uses the
    /// built-in content. A relative path is relative to the folder KitBot is started from.
    /// </summary>
    public string OverridePath { get; set; } = "";
}
