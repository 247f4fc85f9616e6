namespace KitBot.Dialogs.Consultation;

/// <summary>The ids of the consultation cards' inputs: the keys of <see cref="Turns.CardAction.Values"/>.</summary>
internal static class ConsultationInputs
{
    public const string AgeBand = "ageBand";
    public const string Journey = "journey";
    public const string Wishes = "wishes";
    public const string Identity = "identity";
    public const string ChildNote = "childNote";
    public const string PlanName = "planName";
    public const string PrivacyKeep = "privacyKeep";
    public const string KitForms = "kitForms";
    public const string KitOther = "kitOther";
    public const string KitPresent = "kitPresent";
    public const string KitDuration = "kitDuration";
    public const string KitFrequency = "kitFrequency";
    public const string KitVenue = "kitVenue";
    public const string KitOrganiser = "kitOrganiser";
    public const string KitSupport = "kitSupport";
    public const string KitLater = "kitLater";
    public const string ReviewWhen = "reviewWhen";
    public const string ReviewTriggers = "reviewTriggers";

    public static string Relationship(int row) => FormattableString.Invariant($"rel{row}");

    public static string Label(int row) => FormattableString.Invariant($"label{row}");

    public static string Status(int row) => FormattableString.Invariant($"status{row}");

    public static string Answer(string factorId) => "f." + factorId;

    public static string Note(string factorId) => "n." + factorId;

    /// <summary>The "not known yet" tick for a factor group on a strengths and challenges card.</summary>
    public static string Unknown(string group) => "u." + group;
}
