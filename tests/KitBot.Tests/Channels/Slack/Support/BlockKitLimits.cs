using System.Text.Json.Nodes;

namespace KitBot.Tests.Channels.Slack.Support;

/// <summary>Block Kit's limits (PROTOCOLS.md section 5), checked on a message's blocks: every violation, described.</summary>
public static class BlockKitLimits
{
    public static IReadOnlyList<string> Violations(JsonArray blocks, int maxBlocks = 50)
    {
        var problems = new List<string>();
        if (blocks.Count > maxBlocks)
        {
            problems.Add($"{blocks.Count} blocks (max {maxBlocks})");
        }

        var blockIds = new HashSet<string>(StringComparer.Ordinal);
        var actionIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = (JsonObject)blocks[i]!;
            var at = $"block {i} ({Str(block, "type")})";
            if (block["block_id"] is JsonValue id)
            {
                Max(at + " block_id", id.GetValue<string>(), 255);
                if (!blockIds.Add(id.GetValue<string>()))
                {
                    problems.Add($"{at}: duplicate block_id");
                }
            }

            switch (Str(block, "type"))
            {
                case "section":
                    if (block["text"] is JsonObject text)
                    {
                        Between(at + " text", Str(text, "text"), 1, 3000);
                    }

                    var fields = block["fields"] as JsonArray;
                    if (fields is not null)
                    {
                        if (fields.Count > 10) problems.Add($"{at}: {fields.Count} fields (max 10)");
                        foreach (var field in fields.OfType<JsonObject>()) Between(at + " field", Str(field, "text"), 1, 2000);
                    }

                    if (block["text"] is null && fields is null) problems.Add($"{at}: neither text nor fields");
                    Element(at + " accessory", block["accessory"] as JsonObject);
                    break;
                case "header":
                    Between(at + " text", Str(block["text"] as JsonObject, "text"), 1, 150);
                    break;
                case "context":
                    var elements = block["elements"] as JsonArray ?? [];
                    if (elements.Count is 0 or > 10) problems.Add($"{at}: {elements.Count} elements (1 to 10)");
                    foreach (var e in elements.OfType<JsonObject>()) Between(at + " element", Str(e, "text"), 1, 3000);
                    break;
                case "actions":
                    var buttons = block["elements"] as JsonArray ?? [];
                    if (buttons.Count is 0 or > 25) problems.Add($"{at}: {buttons.Count} elements (1 to 25)");
                    foreach (var e in buttons.OfType<JsonObject>()) Element(at, e);
                    break;
                case "input":
                    Between(at + " label", Str(block["label"] as JsonObject, "text"), 1, 2000);
                    if (block["hint"] is JsonObject hint) Between(at + " hint", Str(hint, "text"), 1, 2000);
                    Element(at, block["element"] as JsonObject);
                    break;
                case "image":
                    Between(at + " alt_text", Str(block, "alt_text"), 1, 2000);
                    Between(at + " image_url", Str(block, "image_url"), 1, 3000);
                    break;
            }
        }

        return problems;

        void Element(string at, JsonObject? element)
        {
            if (element is null)
            {
                return;
            }

            var type = Str(element, "type");
            if (element["action_id"] is JsonValue action)
            {
                Max(at + " action_id", action.GetValue<string>(), 255);
                if (type == "button" && !actionIds.Add(action.GetValue<string>()))
                {
                    problems.Add($"{at}: duplicate button action_id {action}");
                }
            }

            switch (type)
            {
                case "button":
                    Between(at + " button text", Str(element["text"] as JsonObject, "text"), 1, 75);
                    if (element["value"] is JsonValue value) Max(at + " button value", value.GetValue<string>(), 2000);
                    if (element["url"] is JsonValue url) Max(at + " button url", url.GetValue<string>(), 3000);
                    break;
                case "static_select" or "multi_static_select":
                    var options = element["options"] as JsonArray;
                    var groups = element["option_groups"] as JsonArray;
                    if ((options is null) == (groups is null)) problems.Add($"{at}: exactly one of options and option_groups");
                    if (options is not null) Options(at, options, 100);
                    if (groups is not null)
                    {
                        if (groups.Count > 100) problems.Add($"{at}: {groups.Count} option groups (max 100)");
                        foreach (var g in groups.OfType<JsonObject>())
                        {
                            Between(at + " group label", Str(g["label"] as JsonObject, "text"), 1, 75);
                            Options(at, g["options"] as JsonArray ?? [], 100);
                        }
                    }

                    break;
                case "radio_buttons" or "checkboxes":
                    Options(at, element["options"] as JsonArray ?? [], 10);
                    break;
                case "plain_text_input":
                    if (element["initial_value"] is JsonValue initial) Max(at + " initial_value", initial.GetValue<string>(), 3000);
                    if (element["max_length"] is JsonValue max && max.GetValue<int>() > 3000) problems.Add($"{at}: max_length over 3000");
                    break;
            }

            if (element["placeholder"] is JsonObject placeholder) Between(at + " placeholder", Str(placeholder, "text"), 1, 150);
        }

        void Options(string at, JsonArray options, int max)
        {
            if (options.Count is 0 || options.Count > max) problems.Add($"{at}: {options.Count} options (1 to {max})");
            foreach (var o in options.OfType<JsonObject>())
            {
                Between(at + " option text", Str(o["text"] as JsonObject, "text"), 1, 75);
                Between(at + " option value", Str(o, "value"), 1, 150);
            }
        }

        void Max(string what, string text, int max)
        {
            if (text.Length > max) problems.Add($"{what}: {text.Length} characters (max {max})");
        }

        void Between(string what, string text, int min, int max)
        {
            if (text.Length < min || text.Length > max) problems.Add($"{what}: {text.Length} characters ({min} to {max})");
        }
    }

    private static string Str(JsonObject? node, string name) => node?[name] is JsonValue v ? v.ToString() : "";
}
