using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KitBot.Dialogs.Turns;

namespace KitBot.Cards;

/// <summary>
/// Reads the data a KitBot card action submits (its verb, dialog id and step, merged with the card's input
/// values), whichever channel delivered it.
/// </summary>
public static class CardActionData
{
    /// <summary>Reads card action data (verb, cid, step and input values) as the core's <see cref="CardAction"/>.</summary>
    public static CardAction Read(JsonObject data, string? verb = null)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, node) in data)
        {
            if (node is JsonValue scalar && key is not CardActionFields.Verb and not CardActionFields.DialogId and not CardActionFields.Step)
            {
                values[key] = Scalar(scalar);
            }
        }

        return new CardAction(
            verb ?? Text(data[CardActionFields.Verb]) ?? string.Empty,
            Text(data[CardActionFields.DialogId]),
            int.TryParse(Text(data[CardActionFields.Step]), NumberStyles.Integer, CultureInfo.InvariantCulture, out var step) ? step : null,
            values);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value ? Scalar(value) : null;

    private static string Scalar(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.ToJsonString(),
    };
}
