using KitBot.Dialogs.Content;

namespace KitBot.Dialogs.Privacy;

/// <summary>
/// The privacy check with the built-in words (<see cref="PracticeContent.Default"/>), for code that has no content
/// at hand. Dialogs use <see cref="PracticeContent.Privacy"/>, which includes a local authority's names.
/// </summary>
public static class PrivacyCheck
{
    /// <summary>What kinds of personal detail <paramref name="text"/> seems to hold.</summary>
    public static PrivacyConcern Check(string? text) => PracticeContent.Default.Privacy.Check(text);

    /// <summary>Each personal detail <paramref name="text"/> seems to hold, with the words that set it off.</summary>
    public static IReadOnlyList<PrivacyFinding> Find(string? text) => PracticeContent.Default.Privacy.Find(text);
}
