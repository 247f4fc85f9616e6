namespace KitBot.Dialogs.Plans;

/// <summary>
/// The plan cards' verbs. Plan actions belong to no dialog step (a plan can be edited whatever else is going on), so
/// they carry the plan id, and for a save the section's revision, instead of a dialog id and step.
/// </summary>
public static class PlanVerbs
{
    /// <summary>Save changes to a section (with <c>plan</c>, <c>section</c>, <c>part</c>, <c>rev</c> and the text input).</summary>
    public const string Save = "plan.save";

    /// <summary>Send a section as a plain message (with <c>plan</c> and <c>section</c>).</summary>
    public const string Text = "plan.text";

    /// <summary>Download the whole plan (with <c>plan</c> and <c>format</c>: docx or txt).</summary>
    public const string Export = "plan.export";

    /// <summary>Open a plan from My plans (with <c>plan</c>).</summary>
    public const string Open = "plan.open";

    /// <summary>Ask to delete a plan (with <c>plan</c>): shows a confirmation.</summary>
    public const string Delete = "plan.delete";

    /// <summary>Yes, delete the plan (with <c>plan</c>).</summary>
    public const string DeleteConfirmed = "plan.deleteConfirmed";

    /// <summary>List the plan's versions, newest first, with date and reason (with <c>plan</c>).</summary>
    public const string Versions = "plan.versions";

    /// <summary>Show the plan as it was in one version, to read (with <c>plan</c> and <c>version</c>).</summary>
    public const string Version = "plan.version";

    /// <summary>What changed in a version against the one before it (with <c>plan</c> and <c>version</c>).</summary>
    public const string Changes = "plan.changes";
}
