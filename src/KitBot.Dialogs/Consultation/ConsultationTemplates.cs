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

    /// <summary>The summary of suggestions.</summary>
    public const string Summary = "consult-summary";

    /// <summary>Every template the consultation sends.</summary>
    public static IReadOnlyList<string> All { get; } = [Child, People, Factors, Summary];
}
