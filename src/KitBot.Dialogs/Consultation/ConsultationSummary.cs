namespace KitBot.Dialogs.Consultation;

/// <summary>The suggestions a consultation's answers lead to. Worked out when shown; never stored.</summary>
internal sealed record ConsultationSummary(IReadOnlyList<PersonSummary> People, FamilySummary Family, IReadOnlyList<string> Warnings);

/// <summary>The suggestions for one important person.</summary>
internal sealed record PersonSummary(
    ImportantPerson Person,
    string Relationship,
    IReadOnlyList<Suggestion> Purposes,
    IReadOnlyList<Suggestion> Forms,
    IReadOnlyList<Suggestion> Support,
    IReadOnlyList<Suggestion> Safeguards,
    IReadOnlyList<Suggestion> NotSuggested)
{
    public bool IsEmpty => Purposes.Count + Forms.Count + Support.Count + Safeguards.Count + NotSuggested.Count == 0;
}

/// <summary>Suggestions for the adoptive parents and the plan as a whole.</summary>
internal sealed record FamilySummary(IReadOnlyList<Suggestion> Support, IReadOnlyList<Suggestion> Safeguards);

/// <summary>
/// One suggestion and the answers that led to it (each "factor — answer"); no answers means it applies to every plan.
/// </summary>
internal sealed record Suggestion(string Id, string Text, string? Detail, IReadOnlyList<string> Because)
{
    /// <summary>The answers behind it that were about a factor (factor id and answer), for the plan to say as findings.</summary>
    public IReadOnlyList<(string Factor, FactorAnswerValue Answer)> Found { get; init; } = [];
}
