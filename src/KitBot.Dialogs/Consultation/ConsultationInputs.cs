namespace KitBot.Dialogs.Consultation;

/// <summary>The ids of the consultation cards' inputs: the keys of <see cref="Turns.CardAction.Values"/>.</summary>
internal static class ConsultationInputs
{
    public const string AgeBand = "ageBand";
    public const string Journey = "journey";
    public const string Wishes = "wishes";
    public const string Identity = "identity";
    public const string ChildNote = "childNote";
    public const string PrivacyKeep = "privacyKeep";

    public static string Relationship(int row) => FormattableString.Invariant($"rel{row}");

    public static string Label(int row) => FormattableString.Invariant($"label{row}");

    public static string Answer(string factorId) => "f." + factorId;

    public static string Note(string factorId) => "n." + factorId;
}
