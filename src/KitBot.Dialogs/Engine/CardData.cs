using System.Text.Json.Nodes;
using KitBot.Dialogs.Content;
using KitBot.Dialogs.Content.Model;
using KitBot.Dialogs.Privacy;

namespace KitBot.Dialogs.Engine;

/// <summary>Pieces of template data several cards share.</summary>
internal static class CardData
{
    /// <summary>Choices for an Input.ChoiceSet: title and value for each option.</summary>
    public static JsonArray Choices(IEnumerable<ContentOption> options) =>
        new([.. options.Select(o => (JsonNode)new JsonObject { ["title"] = o.Text, ["value"] = o.Id })]);

    /// <summary>A list of plain strings as template items with a <c>text</c> property.</summary>
    public static JsonArray Texts(IEnumerable<string> texts) =>
        new([.. texts.Select(t => (JsonNode)new JsonObject { ["text"] = t })]);

    /// <summary>
    /// The privacy notice block of a step card: shown when the last answers were not stored because of personal
    /// details; "keep as written" is offered only when the sole concern is a suspected name.
    /// </summary>
    public static JsonObject Privacy(PracticeContent content, PrivacyConcern concerns, string? button = null) => new()
    {
        ["show"] = concerns != PrivacyConcern.None,
        ["message"] = concerns == PrivacyConcern.None ? string.Empty : PrivacyMessage(content, concerns, button: button),
        ["allowKeep"] = concerns == PrivacyConcern.Name,
        ["keepLabel"] = content.Message(MessageKeys.PrivacyKeepLabel),
    };

    /// <summary>
    /// The kind warning: names the kinds of detail noticed and, when <paramref name="found"/> is given, the
    /// practitioner's own words that set it off, so they know what to rephrase (shown to them only, never logged);
    /// and the button to press again (Next unless <paramref name="button"/> says otherwise, for example "Save changes").
    /// </summary>
    public static string PrivacyMessage(PracticeContent content, PrivacyConcern concerns, IEnumerable<PrivacyFinding>? found = null, string? button = null)
    {
        var kinds = Enum.GetValues<PrivacyConcern>()
            .Where(kind => kind != PrivacyConcern.None && concerns.HasFlag(kind))
            .Select(kind => content.Message("privacy.kind." + kind.ToString().ToLowerInvariant()))
            .ToList();
        var list = kinds.Count == 1 ? kinds[0] : string.Join(", ", kinds.Take(kinds.Count - 1)) + " or " + kinds[^1];
        var message = content.Message(MessageKeys.PrivacyIntro, ("kinds", list));
        // Only the guesses are echoed (names and dates): contact details are unmistakable, and not repeated back.
        var words = (found ?? []).Where(f => concerns.HasFlag(f.Kind) && f.Kind is PrivacyConcern.Name or PrivacyConcern.Date).Select(f => $"\"{f.Text}\"").Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (words.Count > 0)
        {
            message += " " + content.Message(MessageKeys.PrivacyNoticed, ("words", string.Join(", ", words)));
        }

        return concerns == PrivacyConcern.Name
            ? message + " " + content.Message(MessageKeys.PrivacyKeepHint, ("button", button ?? content.Message(MessageKeys.PrivacyNext)))
            : message;
    }
}
