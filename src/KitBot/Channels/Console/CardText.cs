using System.Text;
using System.Text.Json.Nodes;

namespace KitBot.Channels.Console;

/// <summary>
/// An expanded Adaptive Card read for a terminal: its text, its inputs and its actions, in order. A generic
/// walk of the card, so every template works without terminal-specific code.
/// </summary>
public sealed record CardText(string Text, IReadOnlyList<CardInput> Inputs, IReadOnlyList<CardButton> Buttons)
{
    public static CardText From(JsonObject card)
    {
        var text = new StringBuilder();
        var inputs = new List<CardInput>();
        var buttons = new List<CardButton>();
        Walk(card["body"] as JsonArray, text, inputs, buttons);
        AddActions(card["actions"] as JsonArray, buttons);
        return new CardText(text.ToString().TrimEnd(), inputs, buttons);
    }

    private static void Walk(JsonArray? elements, StringBuilder text, List<CardInput> inputs, List<CardButton> buttons)
    {
        foreach (var element in (elements ?? []).OfType<JsonObject>())
        {
            var type = Str(element, "type");
            switch (type)
            {
                case "TextBlock":
                    text.AppendLine(Str(element, "text"));
                    break;
                case "RichTextBlock":
                    text.AppendLine(string.Concat((element["inlines"] as JsonArray ?? []).Select(i => i is JsonObject o ? Str(o, "text") : i?.ToString())));
                    break;
                case "FactSet":
                    foreach (var fact in (element["facts"] as JsonArray ?? []).OfType<JsonObject>())
                    {
                        text.AppendLine($"  {Str(fact, "title")}: {Str(fact, "value")}");
                    }

                    break;
                case "Image":
                    text.AppendLine($"[image: {Str(element, "altText")}]");
                    break;
                case "ActionSet":
                    AddActions(element["actions"] as JsonArray, buttons);
                    break;
                case "ColumnSet":
                    foreach (var column in (element["columns"] as JsonArray ?? []).OfType<JsonObject>())
                    {
                        Walk(column["items"] as JsonArray, text, inputs, buttons);
                    }

                    break;
                case "Container" or "Column":
                    Walk(element["items"] as JsonArray, text, inputs, buttons);
                    break;
                case not null when type.StartsWith("Input.", StringComparison.Ordinal):
                    inputs.Add(CardInput.From(element));
                    break;
            }

            if (element["selectAction"] is JsonObject select)
            {
                AddActions([select.DeepClone()], buttons);
            }
        }
    }

    private static void AddActions(JsonArray? actions, List<CardButton> buttons)
    {
        foreach (var action in (actions ?? []).OfType<JsonObject>())
        {
            switch (Str(action, "type"))
            {
                case "Action.Submit":
                case "Action.Execute":
                    var data = action["data"] as JsonObject ?? [];
                    if (Str(action, "type") == "Action.Execute" && action["verb"] is not null)
                    {
                        data = (JsonObject)data.DeepClone();
                        data["verb"] = Str(action, "verb");
                    }

                    // A card may offer the same action twice (a menu item and a button); show it once.
                    var button = new CardButton(Str(action, "title"), (JsonObject)data.DeepClone(), null, Str(action, "associatedInputs") != "none");
                    if (!buttons.Any(b => b.Title == button.Title && JsonNode.DeepEquals(b.Data, button.Data)))
                    {
                        buttons.Add(button);
                    }

                    break;
                case "Action.OpenUrl":
                    buttons.Add(new CardButton(Str(action, "title"), null, Str(action, "url")));
                    break;
            }
        }
    }

    internal static string Str(JsonObject node, string name) => node[name] is JsonValue v ? v.ToString() : "";
}

/// <summary>An input on a card: what to ask, the choices if it has some, and its limits.</summary>
public sealed record CardInput(
    string Id, string Label, string Type, string? Value, bool IsMultiSelect, IReadOnlyList<(string Title, string Value)> Choices,
    bool IsRequired = false, int? MaxLength = null)
{
    public static CardInput From(JsonObject input)
    {
        var type = CardText.Str(input, "type");
        var choices = (input["choices"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(c => (CardText.Str(c, "title"), CardText.Str(c, "value"))).ToList();
        if (type == "Input.Toggle")
        {
            choices = [("Yes", CardText.Str(input, "valueOn") is { Length: > 0 } on ? on : "true"),
                       ("No", CardText.Str(input, "valueOff") is { Length: > 0 } off ? off : "false")];
        }

        var label = CardText.Str(input, "label");
        return new CardInput(
            CardText.Str(input, "id"),
            label.Length > 0 ? label : CardText.Str(input, "placeholder"),
            type,
            input["value"] is JsonValue value ? value.ToString() : null,
            input["isMultiSelect"] is JsonValue multi && multi.GetValueKind() == System.Text.Json.JsonValueKind.True,
            choices,
            input["isRequired"] is JsonValue required && required.GetValueKind() == System.Text.Json.JsonValueKind.True,
            input["maxLength"] is JsonValue max && max.TryGetValue<int>(out var length) && length > 0 ? length : null);
    }
}

/// <summary>A button: the data it submits (with the card's inputs unless <paramref name="TakesInputs"/> is false), or a link it opens.</summary>
public sealed record CardButton(string Title, JsonObject? Data, string? Url, bool TakesInputs = true);
