namespace KitBot.Dialogs.Consultation;

/// <summary>The consultation's card verbs. Each step's card submits its own verb, with the consultation id and step.</summary>
public static class ConsultationVerbs
{
    /// <summary>Next, on the card about the child.</summary>
    public const string Child = "consult.child";

    /// <summary>Next, on the card listing the important people.</summary>
    public const string People = "consult.people";

    /// <summary>Next, on one person's strengths and challenges.</summary>
    public const string Person = "consult.person";

    /// <summary>Next, on the adoptive parents and the adults together.</summary>
    public const string Adopters = "consult.adopters";

    /// <summary>Next, on the summary: on to the provisional plan (or, with nobody listed, the draft plan).</summary>
    public const string Finish = "consult.finish";

    /// <summary>Next, on one person's provisional keeping in touch plan; on the last one it drafts the plan.</summary>
    public const string Arrangement = "consult.arrangement";

    /// <summary>Start a new consultation instead of resuming the one in progress.</summary>
    public const string New = "consult.new";
}
