using System.Text.Json.Nodes;
using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Tests.Support;

/// <summary>
/// What a card's inputs hold when it is submitted untouched: each input's pre-filled value, read from the card
/// data the way each template binds it (input ids and values). Mirrors the templates in cards/.
/// </summary>
internal static class CardInputs
{
    public static Dictionary<string, string> Current(CardReply card)
    {
        var d = card.Data;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (card.Template)
        {
            case "consult-child":
                values["ageBand"] = Str(d["ageBand"]);
                values["journey"] = Str(d["journey"]);
                values["wishes"] = Str(d["wishes"]);
                values["identity"] = Str(d["identity"]);
                values["childNote"] = Str(d["note"]);
                values["planName"] = Str(d["planName"]);
                break;
            case "consult-people":
                foreach (var row in d["rows"]!.AsArray())
                {
                    values[Str(row!["relId"])] = Str(row["relationship"]);
                    values[Str(row["labelId"])] = Str(row["label"]);
                    values[Str(row["statusId"])] = Str(row["status"]);
                }

                break;
            case "consult-factors":
                foreach (var section in d["sections"]!.AsArray())
                {
                    foreach (var factor in section!["factors"]!.AsArray().Concat(section["more"]!.AsArray()))
                    {
                        values[Str(factor!["answerId"])] = Str(factor["answer"]);
                        values[Str(factor["noteId"])] = Str(factor["note"]);
                    }

                    if (section["hasUnknown"]!.GetValue<bool>())
                    {
                        values[Str(section["unknownId"])] = Str(section["unknown"]);
                    }
                }

                break;
            case "consult-plan":
                values["kitLater"] = Str(d["later"]);
                if (d["hasForms"]!.GetValue<bool>())
                {
                    values["kitForms"] = Str(d["forms"]);
                }

                foreach (var field in d["fields"]!.AsArray().Concat(d["moreFields"]!.AsArray()))
                {
                    values[Str(field!["id"])] = Str(field["value"]);
                }

                values["kitSupport"] = Str(d["support"]);
                if (d["hasReview"]!.GetValue<bool>())
                {
                    values["reviewWhen"] = Str(d["reviewWhen"]);
                    values["reviewTriggers"] = Str(d["reviewTriggers"]);
                }

                break;
            case "roles-pick":
                values["role"] = Str(d["role"]);
                values["stage"] = Str(d["stage"]);
                break;
        }

        if (d["privacy"] is JsonObject privacy && privacy["show"]!.GetValue<bool>() && privacy["allowKeep"]!.GetValue<bool>())
        {
            values["privacyKeep"] = "false";
        }

        return values;
    }

    /// <summary>The verb of the card's main (forward) action, as the template binds it.</summary>
    public static string MainVerb(CardReply card) => card.Template switch
    {
        "consult-child" => "consult.child",
        "consult-people" => "consult.people",
        "consult-factors" => Str(card.Data["verb"]),
        "consult-summary" => "consult.finish",
        "consult-plan" => "consult.arrangement",
        "roles-pick" => "roles.show",
        _ => throw new InvalidOperationException($"The card '{card.Template}' has no main action."),
    };

    private static string Str(JsonNode? node) => node?.GetValue<string>() ?? string.Empty;
}
