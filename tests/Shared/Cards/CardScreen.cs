using System.Text.Json.Nodes;

namespace KitBot.Testing;

/// <summary>
/// An Adaptive Card as a person reads and fills it: its buttons, its inputs, its visible text. Journey tests press
/// only what a card shows, filling its inputs as a person would.
/// </summary>
public static class CardScreen
{
    /// <summary>An answer meaning "the first choice the card offers" (or a sample value for a text input).</summary>
    public const string FirstChoice = "(first choice)";

    /// <summary>In an answer, the value the input already shows (to add to a text rather than replace it).</summary>
    public const string Shown = "{shown}";

    /// <summary>Every object in a card, depth first.</summary>
    public static IEnumerable<JsonObject> Descendants(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, value) in obj)
                {
                    foreach (var inner in Descendants(value))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var inner in Descendants(item))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    /// <summary>Every Action.Submit or Action.Execute on the card, nested ones included.</summary>
    public static IEnumerable<JsonObject> Buttons(JsonObject card) =>
        Descendants(card).Where(o => Type(o) is "Action.Submit" or "Action.Execute");

    /// <summary>Every input on the card.</summary>
    public static IEnumerable<JsonObject> Inputs(JsonObject card) =>
        Descendants(card).Where(o => Type(o)?.StartsWith("Input.", StringComparison.Ordinal) == true && o["id"] is not null);

    /// <summary>A button's title.</summary>
    public static string? Title(JsonObject button) => Str(button, "title");

    /// <summary>The button's verb, from its data (Action.Submit) or its own verb (Action.Execute).</summary>
    public static string? Verb(JsonObject button) => button["data"]?["verb"]?.ToString() ?? Str(button, "verb");

    /// <summary>What a person reads on the card: text blocks, facts, input labels and choices, button titles.</summary>
    public static string Text(JsonObject card) => string.Join("\n", Descendants(card).SelectMany<JsonObject, string?>(o => Type(o) switch
    {
        "TextBlock" or "TextRun" => [Str(o, "text")],
        "Fact" or null when o["title"] is not null && o["value"] is not null => [Str(o, "title") + ": " + Str(o, "value")],
        "Input.ChoiceSet" => [Str(o, "label"), .. (o["choices"] as JsonArray ?? []).OfType<JsonObject>().Select(c => Str(c, "title"))],
        var t when t?.StartsWith("Input.", StringComparison.Ordinal) == true => [Str(o, "label"), Str(o, "value")],
        "Action.Submit" or "Action.Execute" or "Action.OpenUrl" or "Action.ShowCard" or "Action.ToggleVisibility" => [Str(o, "title")],
        _ => [],
    }).OfType<string>());

    /// <summary>
    /// The button's data plus the card's inputs, filled as a person would: the answer given for an input's id (a key
    /// ending in * matches ids by prefix; <see cref="Shown"/> in an answer is what the input showed), otherwise what
    /// the card shows, otherwise a sample value for a required input.
    /// </summary>
    public static JsonObject Fill(JsonObject card, JsonObject action, IReadOnlyDictionary<string, string>? answers = null)
    {
        var data = action["data"] is JsonObject d ? (JsonObject)d.DeepClone() : new JsonObject();
        foreach (var input in Inputs(card))
        {
            var id = input["id"]!.GetValue<string>();
            data[id] = Answer(input, answers);
        }

        return data;
    }

    /// <summary>What a person enters in <paramref name="input"/> given <paramref name="answers"/> (see <see cref="Fill"/>).</summary>
    public static string Answer(JsonObject input, IReadOnlyDictionary<string, string>? answers)
    {
        var id = input["id"]!.GetValue<string>();
        var shown = input["value"]?.ToString() ?? "";
        if (Given(answers, id) is { } given)
        {
            return given == FirstChoice ? Sample(input) : given.Replace(Shown, shown, StringComparison.Ordinal);
        }

        return shown.Length > 0 ? shown : input["isRequired"]?.GetValue<bool>() == true ? Sample(input) : "";
    }

    /// <summary>A plausible answer for an input: its first choice, its minimum, a date, some text.</summary>
    public static string Sample(JsonObject input) => Type(input) switch
    {
        "Input.ChoiceSet" => (input["choices"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault()?["value"]?.GetValue<string>() ?? "",
        "Input.Number" => input["min"]?.ToString() ?? "1",
        "Input.Date" => "2026-11-16",
        "Input.Toggle" => input["valueOn"]?.GetValue<string>() ?? "true",
        _ => "Sample answer about the child's routine",
    };

    private static string? Given(IReadOnlyDictionary<string, string>? answers, string id)
    {
        if (answers is null)
        {
            return null;
        }

        if (answers.TryGetValue(id, out var exact))
        {
            return exact;
        }

        return answers.FirstOrDefault(a => a.Key.EndsWith('*') && id.StartsWith(a.Key[..^1], StringComparison.Ordinal)).Value;
    }

    private static string? Type(JsonObject o) => Str(o, "type");

    private static string? Str(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
