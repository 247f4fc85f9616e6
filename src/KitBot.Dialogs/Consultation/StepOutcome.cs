using KitBot.Dialogs.Privacy;

namespace KitBot.Dialogs.Consultation;

/// <summary>
/// What a step made of a card's answers: the consultation moved on, or the answers re-asked (with what is
/// expected, and any personal details the privacy check noticed). A re-asked step stores nothing.
/// </summary>
internal sealed record StepOutcome(
    ConsultationState? Accepted,
    IReadOnlyList<string> Problems,
    PrivacyConcern Privacy,
    IReadOnlyList<string> Notes,
    IReadOnlyList<PrivacyFinding>? Found = null)
{
    public static StepOutcome Accept(ConsultationState next, params string[] notes) => new(next, [], PrivacyConcern.None, notes);

    public static StepOutcome Reask(IReadOnlyList<string> problems, PrivacyConcern privacy, IReadOnlyList<PrivacyFinding>? found = null) =>
        new(null, problems, privacy, [], found);
}
