namespace KitBot.Dialogs.Consultation;

/// <summary>The consultation's card templates (files in <c>cards/</c>).</summary>
public static class ConsultationTemplates
{
    /// <summary>About the child.</summary>
    public const string Child = "consult-child";

    /// <summary>Who is important.</summary>
    public const string People = "consult-people";

    /// <summary>Strengths and challenges, for one person or for the adoptive parents and the adults together.</summary>
    public const string Factors = "consult-factors";

    /// <summary>The summary's suggestions for one or more people (as many cards as their size needs).</summary>
    public const string SummaryPeople = "consult-summary-people";

    /// <summary>The summary's closing card: the plan as a whole, the five principles, Finish and Back.</summary>
    public const string Summary = "consult-summary";

    /// <summary>The provisional keeping in touch plan for one person.</summary>
    public const string Plan = "consult-plan";

    /// <summary>Every template the consultation sends.</summary>
    public static IReadOnlyList<string> All { get; } = [Child, People, Factors, SummaryPeople, Summary, Plan];
}
