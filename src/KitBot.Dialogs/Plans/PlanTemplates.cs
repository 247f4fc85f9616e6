namespace KitBot.Dialogs.Plans;

/// <summary>The plan's card templates (files in <c>cards/</c>).</summary>
public static class PlanTemplates
{
    /// <summary>One or more plan sections, each in an editable text box with its actions.</summary>
    public const string Sections = "plan-sections";

    /// <summary>My plans: the practitioner's plans, newest first, to open or delete.</summary>
    public const string List = "plans-list";

    /// <summary>"Delete this plan?"</summary>
    public const string Delete = "plan-delete";

    /// <summary>A download link for a whole plan; rendered by the host for a <see cref="Turns.DownloadReply"/>.</summary>
    public const string Download = "plan-download";

    /// <summary>A plan's versions, newest first, each with its date and reason.</summary>
    public const string Versions = "plan-versions";

    /// <summary>One version of a plan to read, or what changed in it against the version before.</summary>
    public const string Version = "plan-version";

    /// <summary>Every template the plans feature uses.</summary>
    public static IReadOnlyList<string> All { get; } = [Sections, List, Delete, Download, Versions, Version];
}
