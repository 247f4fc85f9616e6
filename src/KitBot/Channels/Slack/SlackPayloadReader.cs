using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KitBot.Cards;
using KitBot.Dialogs.Menu;
using KitBot.Dialogs.Reviews;
using KitBot.Dialogs.Turns;
using Microsoft.Extensions.Primitives;

namespace KitBot.Channels.Slack;

/// <summary>
/// Reads Slack's three payloads (Events API, interactivity, slash commands) into a <see cref="SlackInbound"/>: wire
/// facts only. Card actions come back as the same <see cref="CardAction"/> Teams sends, through
/// <see cref="CardActionData.Read"/>: the button's data merged with the inputs of its message.
/// </summary>
public static partial class SlackPayloadReader
{
    /// <summary>Reads an Events API body (<c>url_verification</c> or an <c>event_callback</c> envelope).</summary>
    public static SlackInbound ReadEvent(JsonObject envelope, DateTimeOffset now)
    {
        switch (Str(envelope, "type"))
        {
            case "url_verification":
                return Str(envelope, "challenge") is { Length: > 0 } challenge
                    ? new SlackInbound(null, Challenge: challenge)
                    : SlackInbound.Malformed("url_verification without a challenge.");
            case "event_callback":
                break;
            case "":
                return SlackInbound.Malformed("The body has no 'type'.");
            default:
                return SlackInbound.Ignore(Str(envelope, "team_id"), "envelope type");
        }

        var team = Str(envelope, "team_id");
        if (team.Length == 0 || envelope["event"] is not JsonObject e)
        {
            return SlackInbound.Malformed("An event_callback needs 'team_id' and an 'event' object.");
        }

        var eventId = Str(envelope, "event_id");
        var botUserId = (envelope["authorizations"] as JsonArray)?.OfType<JsonObject>()
            .Where(a => a["is_bot"] is JsonValue b && b.GetValueKind() == JsonValueKind.True)
            .Select(a => Str(a, "user_id")).FirstOrDefault(id => id.Length > 0);
        // Slack's clock, when it gives a plausible one: anything outside what a DateTimeOffset holds is ignored.
        var when = envelope["event_time"] is JsonValue t && t.GetValueKind() == JsonValueKind.Number && t.TryGetValue<long>(out var seconds)
            && seconds is >= 0 and <= 253_402_300_799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : now;
        var user = Str(e, "user");
        var channel = Str(e, "channel");

        SlackInbound Ignore(string reason) => new(team, EventId: eventId, Ignored: reason);

        switch (Str(e, "type"))
        {
            case "message":
                // Edits, joins, bot posts (including KitBot's own) all carry a subtype or a bot_id.
                if (e["subtype"] is not null || e["bot_id"] is not null || user.Length == 0 || user == botUserId)
                {
                    return Ignore("not a person's new message");
                }

                if (Str(e, "channel_type") != "im" || channel.Length == 0)
                {
                    return Ignore("message outside a direct message");
                }

                var text = CleanText(Str(e, "text"), botUserId);
                return text.Length == 0
                    ? Ignore("empty message")
                    : new SlackInbound(team, new SlackTurnRequest(team, channel, user, true, new TextInput(text), when, botUserId,
                        ThreadTs: NullIfEmpty(Str(e, "thread_ts"))), eventId);
            case "app_mention":
                if (e["bot_id"] is not null || e["subtype"] is not null || user.Length == 0 || channel.Length == 0)
                {
                    return Ignore("not a person's mention");
                }

                // A bare mention asks what KitBot does: the menu. Replies go in a thread so channels stay tidy.
                var mention = CleanText(Str(e, "text"), botUserId);
                return new SlackInbound(team, new SlackTurnRequest(team, channel, user, IsDirectChannel(channel),
                    new TextInput(mention.Length == 0 ? "menu" : mention), when, botUserId,
                    ThreadTs: NullIfEmpty(Str(e, "thread_ts")) ?? NullIfEmpty(Str(e, "ts"))), eventId);
            case "app_home_opened":
                return Str(e, "tab") == "messages" && user.Length > 0 && channel.Length > 0
                    ? new SlackInbound(team, new SlackTurnRequest(team, channel, user, true, new ConversationStartedInput(), when, botUserId), eventId)
                    : Ignore("home tab");
            default:
                return Ignore("event type");
        }
    }

    /// <summary>Reads an interactivity payload (the JSON in the form field <c>payload</c>).</summary>
    public static SlackInbound ReadInteraction(JsonObject payload, DateTimeOffset now)
    {
        var type = Str(payload, "type");
        var team = Str(payload["team"] as JsonObject, "id") is { Length: > 0 } t ? t : Str(payload["user"] as JsonObject, "team_id");
        var user = Str(payload["user"] as JsonObject, "id");
        if (type.Length == 0)
        {
            return SlackInbound.Malformed("The payload has no 'type'.");
        }

        if (team.Length == 0 || user.Length == 0)
        {
            return SlackInbound.Malformed("The payload names no team or user.");
        }

        return type switch
        {
            "block_actions" => BlockActions(payload, team, user, now),
            "view_submission" => ViewSubmission(payload, team, user, now),
            _ => SlackInbound.Ignore(team, "interaction type"),
        };
    }

    /// <summary>Reads a slash command (<c>/kit</c> and its words) as the input the Teams menu would give.</summary>
    public static SlackInbound ReadCommand(IReadOnlyDictionary<string, StringValues> form, DateTimeOffset now)
    {
        if (form.Any(f => f.Value.Count > 1))
        {
            return SlackInbound.Malformed("A slash command names a field twice.");
        }

        string Field(string name) => form.TryGetValue(name, out var v) ? v.ToString() : "";
        var team = Field("team_id");
        var channel = Field("channel_id");
        var user = Field("user_id");
        if (team.Length == 0 || channel.Length == 0 || user.Length == 0 || Field("command").Length == 0)
        {
            return SlackInbound.Malformed("A slash command needs 'command', 'team_id', 'channel_id' and 'user_id'.");
        }

        var words = CleanText(Field("text"), null);
        // The words after /kit are typed commands like any other (TypedCommands, the one parser); "/kit" alone is the menu.
        TurnInput input = words.Length == 0 ? new TextInput("menu") : new TextInput(words);
        return new SlackInbound(team, new SlackTurnRequest(team, channel, user, IsDirectChannel(channel), input, now,
            ResponseUrl: NullIfEmpty(Field("response_url")), Ephemeral: true));

    }

    /// <summary>
    /// The values of a message's or modal's inputs (<c>state.values</c>), keyed by Adaptive Card input id (the block id),
    /// in the strings an Adaptive Card submits: a multi-select as "a,b", a toggle as its valueOn or valueOff.
    /// </summary>
    public static Dictionary<string, string> ReadInputs(JsonObject? values)
    {
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (blockId, node) in values ?? [])
        {
            foreach (var (actionId, stateNode) in node as JsonObject ?? [])
            {
                if (stateNode is not JsonObject state)
                {
                    continue;
                }

                if (actionId.StartsWith(BlockKitTranslator.TogglePrefix, StringComparison.Ordinal))
                {
                    var on = (state["selected_options"] as JsonArray)?.OfType<JsonObject>().Select(o => Str(o, "value")).FirstOrDefault();
                    inputs[blockId] = on ?? actionId[BlockKitTranslator.TogglePrefix.Length..];
                }
                else if (actionId.StartsWith(BlockKitTranslator.InputPrefix, StringComparison.Ordinal))
                {
                    inputs[blockId] = Str(state, "type") switch
                    {
                        "radio_buttons" or "static_select" => Str(state["selected_option"] as JsonObject, "value"),
                        "checkboxes" or "multi_static_select" => string.Join(",",
                            (state["selected_options"] as JsonArray ?? []).OfType<JsonObject>().Select(o => Str(o, "value"))),
                        "datepicker" => Str(state, "selected_date"),
                        "timepicker" => Str(state, "selected_time"),
                        _ => Str(state, "value"),
                    };
                }
            }
        }

        return inputs;
    }

    private static SlackInbound BlockActions(JsonObject payload, string team, string user, DateTimeOffset now)
    {
        var action = (payload["actions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault();
        var actionId = Str(action, "action_id");
        if (actionId == BlockKitTranslator.OpenFormActionId)
        {
            return OpenForm(payload, action!, team, user);
        }

        var withInputs = actionId.StartsWith(BlockKitTranslator.SubmitPrefix, StringComparison.Ordinal);
        if (action is null || (!withInputs && !actionId.StartsWith(BlockKitTranslator.SubmitWithoutInputsPrefix, StringComparison.Ordinal)))
        {
            // Link buttons and anything not made by KitBot: Slack reports them, there is nothing to do.
            return SlackInbound.Ignore(team, "not a KitBot submit button");
        }

        var container = payload["container"] as JsonObject;
        var inView = Str(container, "type") == "view";
        var view = payload["view"] as JsonObject;
        var channel = inView
            ? Str(Metadata(view), "channel")
            : Str(payload["channel"] as JsonObject, "id") is { Length: > 0 } c ? c : Str(container, "channel_id");
        if (channel.Length == 0)
        {
            return SlackInbound.Ignore(team, "no channel to answer in");
        }

        var state = ((inView ? view?["state"] : payload["state"]) as JsonObject)?["values"] as JsonObject;
        var input = Input(Str(action, "value"), withInputs ? ReadInputs(state) : []);
        if (input is null)
        {
            return SlackInbound.Ignore(team, "button value is not KitBot's");
        }

        return new SlackInbound(team, new SlackTurnRequest(team, channel, user, IsDirectChannel(channel), input, now,
            ThreadTs: NullIfEmpty(Str(payload["message"] as JsonObject, "thread_ts")),
            ResponseUrl: NullIfEmpty(Str(payload, "response_url")),
            Ephemeral: container?["is_ephemeral"] is JsonValue eph && eph.GetValueKind() == JsonValueKind.True));
    }

    private static SlackInbound OpenForm(JsonObject payload, JsonObject action, string team, string user)
    {
        var container = payload["container"] as JsonObject;
        var channel = Str(payload["channel"] as JsonObject, "id") is { Length: > 0 } c ? c : Str(container, "channel_id");
        var formId = Str(action, "value");
        var trigger = Str(payload, "trigger_id");
        return channel.Length == 0 || formId.Length == 0 || trigger.Length == 0
            ? SlackInbound.Ignore(team, "open-form press without channel, form or trigger")
            : new SlackInbound(team, OpenForm: new SlackFormRequest(team, channel, user, formId, trigger, NullIfEmpty(Str(payload, "response_url"))));
    }

    private static SlackInbound ViewSubmission(JsonObject payload, string team, string user, DateTimeOffset now)
    {
        // A KitBot modal carries where to answer and the card action's data in private_metadata (SlackSender.OpenFormAsync).
        var view = payload["view"] as JsonObject;
        var metadata = Metadata(view);
        var channel = Str(metadata, "channel");
        if (channel.Length == 0 || metadata?["data"] is not JsonObject data)
        {
            return SlackInbound.Ignore(team, "modal is not KitBot's");
        }

        var input = Input(data.ToJsonString(), ReadInputs((view?["state"] as JsonObject)?["values"] as JsonObject))!;
        return new SlackInbound(team, new SlackTurnRequest(team, channel, user, IsDirectChannel(channel), input, now));
    }

    /// <summary>A button's value (the card action's data as JSON) merged with the inputs, as the core's input.</summary>
    private static TurnInput? Input(string value, Dictionary<string, string> inputs)
    {
        switch (Security.StrictJson.Parse(value))
        {
            case JsonObject obj:
                foreach (var (id, text) in inputs)
                {
                    // As in Adaptive Cards, input values join the data; they never replace the verb or the step.
                    if (id is not CardActionFields.Verb and not CardActionFields.DialogId and not CardActionFields.Step)
                    {
                        obj[id] = text;
                    }
                }

                return new CardActionInput(CardActionData.Read(obj));
            case JsonValue text when text.GetValueKind() == JsonValueKind.String && text.GetValue<string>().Trim() is { Length: > 0 } said:
                // Data that is a string is the person saying it, as Teams treats it.
                return new TextInput(said);
            default:
                return null;
        }
    }

    private static JsonObject? Metadata(JsonObject? view)
    {
        return Str(view, "private_metadata") is { Length: > 0 } m ? Security.StrictJson.Parse(m) as JsonObject : null;
    }

    /// <summary>The message text without KitBot's mention, with Slack's escapes undone and spaces collapsed.</summary>
    public static string CleanText(string text, string? botUserId)
    {
        text = botUserId is null
            ? LeadingMention().Replace(text, "")
            : text.Replace($"<@{botUserId}>", " ", StringComparison.Ordinal);
        text = Whitespace().Replace(text, " ").Trim();
        return text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal);
    }

    /// <summary>Direct message channel ids start with D.</summary>
    public static bool IsDirectChannel(string channel) => channel.StartsWith('D');

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static string Str(JsonObject? node, string name) =>
        node?[name] is JsonValue value && value.GetValueKind() is JsonValueKind.String or JsonValueKind.Number
            ? value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString()
            : "";

    [GeneratedRegex(@"^\s*<@[UW][A-Z0-9]+(\|[^>]*)?>")]
    private static partial Regex LeadingMention();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
