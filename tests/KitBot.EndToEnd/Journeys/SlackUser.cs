using KitBot.Conversations;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KitBot.Testing;
using KitBot.Tests.Channels.Slack.Support;
using Microsoft.Extensions.Time.Testing;

namespace KitBot.EndToEnd.Journeys;

/// <summary>
/// A Slack user in a direct message with KitBot, against a local fake Slack Web API: signed events and interactions
/// in, Block Kit read back from the recorded Web API calls. The consultants' channel is a Slack channel.
/// </summary>
public sealed class SlackUser : JourneyUser
{
    public const string Me = "UJOURNEY";
    public const string ConsultantsChannel = "CCONSULTANTS";

    private const string OpenForm = "Open the form";

    private static readonly string[] Shown = ["chat.postMessage", "chat.update", "chat.postEphemeral", "views.open", "response_url"];

    private readonly FakeSlackApi _slack;
    private readonly HttpClient _client;
    private int _responses;

    private SlackUser(KitBotServer bot, FakeTimeProvider clock, FakeSlackApi slack)
        : base(bot, clock)
    {
        _slack = slack;
        _client = new HttpClient { BaseAddress = new Uri(bot.Url) };
    }

    public override string UserId => Me;

    public override string SeenByColleaguesAs => $"<@{Me}>";

    public override string StateKey => ConversationReference.StateKeyFor(ConversationReference.KeyFor("slack", DirectMessage), Me);

    public override string Channel => "slack";

    /// <summary>The direct message channel Slack opens for this user.</summary>
    public static string DirectMessage => "D" + Me;

    internal static async Task<JourneyUser> StartAsync(FakeTimeProvider clock, string[] settings)
    {
        var slack = await FakeSlackApi.StartAsync();
        try
        {
            var bot = await StartBotAsync(clock, port: null,
            [
                .. SlackRequests.Settings(slack),
                // Pacing has its own tests; the person takes a minute between actions, which refills any burst.
                "Slack:MessageBurst=20",
                "Requests:Channel:Channel=slack", $"Requests:Channel:ConversationId={ConsultantsChannel}", $"Requests:Channel:TenantId={SlackRequests.TeamId}",
                .. settings,
            ]);
            return new SlackUser(bot, clock, slack);
        }
        catch
        {
            await slack.DisposeAsync();
            throw;
        }
    }

    public override bool Shows(string title) =>
        Find(title) is { } found && (ButtonText(found.Button) == title || found.Call.Method == "views.open");

    protected override int Mark => _slack.Calls.Count;

    protected override string Describe() => "Slack calls: " + string.Join("\n", _slack.Calls.TakeLast(6)
        .Select(c => $"{c.Method} {c.Path} {c.Channel}: {c.Json[..Math.Min(300, c.Json.Length)]}"));

    protected override string TextSince(int mark) => string.Join("\n", _slack.Calls.Skip(mark).Where(IsShown).Select(c => Text(c.Body)));

    protected override Task OpenAsync() => PostEventAsync(new JsonObject
    {
        ["type"] = "app_home_opened", ["user"] = Me, ["channel"] = DirectMessage, ["tab"] = "messages",
    });

    protected override Task SendTextAsync(string text) => PostEventAsync(new JsonObject
    {
        ["type"] = "message", ["channel_type"] = "im", ["channel"] = DirectMessage, ["user"] = Me, ["text"] = text,
        ["ts"] = $"{Clock.GetUtcNow().ToUnixTimeSeconds()}.000100",
    });

    protected override async Task<bool> TryPressAsync(string title, IReadOnlyDictionary<string, string> answers)
    {
        var found = Find(title);
        if (found is { Button: var open } && ButtonText(open) == OpenForm)
        {
            // A form too large for a message opens as a modal: the person opens it first, then presses its button.
            var before = _slack.Calls.Count;
            await PressButtonAsync(found.Value.Call, open, answers);
            await _slack.WaitForAsync(cs => cs.Skip(before).Any(c => c.Method == "views.open"), "the form's modal");
            found = Find(title);
        }

        if (found is not var (call, button))
        {
            return false;
        }

        if (call.Method == "views.open")
        {
            var view = call.Body["view"]!.AsObject();
            await PostInteractionAsync(SlackRequests.ViewSubmission(view, State(view["blocks"] as JsonArray ?? [], answers), user: Me));
        }
        else
        {
            await PressButtonAsync(call, button, answers);
        }

        return true;
    }

    /// <summary>A link button's address, on the newest message that shows one titled <paramref name="title"/>.</summary>
    public override Uri? Link(string title) =>
        _slack.Calls.Reverse().Where(IsShown).SelectMany(c => SlackRequests.Elements(c.Blocks))
            .FirstOrDefault(e => e["url"] is not null && ButtonText(e) == title)?["url"] is { } url ? new Uri(url.GetValue<string>()) : null;

    private Task PressButtonAsync(SlackApiCall call, JsonObject button, IReadOnlyDictionary<string, string> answers) =>
        PostInteractionAsync(SlackRequests.BlockActions(
            button,
            channel: call.Channel ?? DirectMessage,
            user: Me,
            state: State(call.Blocks, answers),
            responseUrl: _slack.ResponseUrlPrefix + "press-" + Interlocked.Increment(ref _responses)));

    /// <summary>
    /// The newest message (or open modal) showing a button, or a modal whose submit button, titled so; or, when the
    /// newest message holds its form behind "Open the form", that button.
    /// </summary>
    private (SlackApiCall Call, JsonObject Button)? Find(string title)
    {
        foreach (var call in _slack.Calls.Reverse().Where(IsShown))
        {
            if (call.Method == "views.open" && call.Body["view"]?["submit"]?["text"]?.GetValue<string>() == title)
            {
                return (call, call.Body["view"]!["submit"]!.AsObject());
            }

            var blocks = call.Method == "views.open" ? call.Body["view"]?["blocks"] as JsonArray ?? [] : call.Blocks;
            var buttons = SlackRequests.Elements(blocks).Where(e => e["type"]?.GetValue<string>() == "button").ToList();
            var button = buttons.FirstOrDefault(e => ButtonText(e) == title)
                ?? buttons.FirstOrDefault(e => ButtonText(e) == OpenForm);
            if (button is not null)
            {
                return (call, button);
            }
        }

        return null;
    }

    /// <summary>
    /// The <c>state.values</c> Slack sends with a press: each input block's value as the person left it, the answer
    /// given for its block id (the card input's id) taking the place of what it showed.
    /// </summary>
    private static JsonObject State(JsonArray blocks, IReadOnlyDictionary<string, string> answers)
    {
        var values = new JsonObject();
        foreach (var block in blocks.OfType<JsonObject>().Where(b => b["type"]?.GetValue<string>() == "input"))
        {
            var id = block["block_id"]!.GetValue<string>();
            var element = block["element"]!.AsObject();
            var type = element["type"]!.GetValue<string>();
            var options = (element["options"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            var given = Given(answers, id);
            JsonObject state = type switch
            {
                "static_select" or "radio_buttons" => new()
                {
                    ["type"] = type,
                    ["selected_option"] = (given is null ? element["initial_option"] : Option(options, given))?.DeepClone(),
                },
                "checkboxes" or "multi_static_select" => new()
                {
                    ["type"] = type,
                    ["selected_options"] = given is null
                        ? element["initial_options"]?.DeepClone() ?? new JsonArray()
                        : new JsonArray([.. given.Split(',').Select(v => Option(options, v)).OfType<JsonObject>().Select(o => (JsonNode)o.DeepClone())]),
                },
                "datepicker" => new() { ["type"] = type, ["selected_date"] = given ?? element["initial_date"]?.GetValue<string>() },
                "timepicker" => new() { ["type"] = type, ["selected_time"] = given ?? element["initial_time"]?.GetValue<string>() },
                _ => new()
                {
                    ["type"] = type,
                    ["value"] = (given ?? element["initial_value"]?.ToString())?.Replace(Testing.CardScreen.Shown, element["initial_value"]?.ToString() ?? "", StringComparison.Ordinal),
                },
            };
            values[id] = new JsonObject { [element["action_id"]!.GetValue<string>()] = state };
        }

        return values;
    }

    private static JsonObject? Option(List<JsonObject> options, string value) =>
        value == Testing.CardScreen.FirstChoice ? options.FirstOrDefault() : options.FirstOrDefault(o => o["value"]?.GetValue<string>() == value);

    private static string? Given(IReadOnlyDictionary<string, string> answers, string id) =>
        answers.TryGetValue(id, out var exact) ? exact
        : answers.FirstOrDefault(a => a.Key.EndsWith('*') && id.StartsWith(a.Key[..^1], StringComparison.Ordinal)).Value;

    private static string? ButtonText(JsonObject button) => button["text"] switch
    {
        JsonObject text => text["text"]?.ToString(),
        var other => other?.ToString(),
    };

    private static bool IsShown(SlackApiCall call) =>
        Shown.Contains(call.Method) || call.Path.StartsWith("/hooks/", StringComparison.Ordinal);

    /// <summary>What a person reads in a message or modal: its text and every text object in its blocks.</summary>
    private static string Text(JsonObject body) => string.Join("\n", Testing.CardScreen.Descendants(body)
        .Where(o => o["type"]?.GetValue<string>() is "plain_text" or "mrkdwn" && o["text"] is JsonValue)
        .Select(o => o["text"]!.GetValue<string>())
        .Prepend(body["text"] is JsonValue t ? t.ToString() : ""));

    private async Task PostEventAsync(JsonObject @event)
    {
        var envelope = SlackRequests.Envelope(@event);
        envelope["event_time"] = Clock.GetUtcNow().ToUnixTimeSeconds();
        await SendAsync(SlackRequests.Signed("/api/slack/events", Encoding.UTF8.GetBytes(envelope.ToJsonString()), "application/json",
            timestamp: Clock.GetUtcNow().ToUnixTimeSeconds()));
    }

    private Task PostInteractionAsync(JsonObject payload) =>
        SendAsync(SlackRequests.Signed("/api/slack/interactions", SlackRequests.Form(("payload", payload.ToJsonString())),
            "application/x-www-form-urlencoded", timestamp: Clock.GetUtcNow().ToUnixTimeSeconds()));

    private async Task SendAsync(HttpRequestMessage request)
    {
        using (request)
        using (var response = await _client.SendAsync(request))
        {
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new HttpRequestException($"KitBot answered Slack with {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }
    }

    public override async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await Bot.DisposeAsync();
        await _slack.DisposeAsync();
    }
}
