using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using KitBot.Channels.Slack;

namespace KitBot.Tests.Channels.Slack.Support;

/// <summary>Builds and signs requests as Slack does (PROTOCOLS.md section 5).</summary>
public static class SlackRequests
{
    public const string TeamId = "TKITBOT01";
    public const string Secret = "first-workspace-signing-secret";
    public const string Token = "xoxb-first-workspace-token";
    public const string OtherTeamId = "TKITBOT02";
    public const string OtherSecret = "second-workspace-signing-secret";
    public const string OtherToken = "xoxb-second-workspace-token";
    public const string UnknownTeamId = "TSTRANGER9";
    public const string UnknownSecret = "a-workspace-kitbot-does-not-serve";
    public const string BotUserId = "UKITBOT";

    /// <summary>The settings for a host serving the two test workspaces against <paramref name="api"/>.</summary>
    public static string[] Settings(FakeSlackApi api) =>
    [
        "Slack:Enabled=true",
        $"Slack:ApiBaseUrl={api.ApiBaseUrl}",
        $"Slack:ResponseUrlPrefix={api.ResponseUrlPrefix}",
        $"Slack:Workspaces:0:TeamId={TeamId}",
        $"Slack:Workspaces:0:BotToken={Token}",
        $"Slack:Workspaces:0:SigningSecret={Secret}",
        $"Slack:Workspaces:1:TeamId={OtherTeamId}",
        $"Slack:Workspaces:1:BotToken={OtherToken}",
        $"Slack:Workspaces:1:SigningSecret={OtherSecret}",
    ];

    public static string Signature(string secret, long timestamp, byte[] body) =>
        Encoding.ASCII.GetString(SlackSignature.Compute(secret, timestamp.ToString(), body));

    /// <summary>A signed POST; <paramref name="timestamp"/> defaults to now.</summary>
    public static HttpRequestMessage Signed(string path, byte[] body, string contentType, string secret = Secret, long? timestamp = null)
    {
        var ts = timestamp ?? TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add(SlackSignature.TimestampHeader, ts.ToString());
        request.Headers.Add(SlackSignature.SignatureHeader, Signature(secret, ts, body));
        return request;
    }

    public static HttpRequestMessage Event(JsonObject envelope, string secret = Secret) =>
        Signed("/api/slack/events", Encoding.UTF8.GetBytes(envelope.ToJsonString()), "application/json", secret);

    public static HttpRequestMessage Interaction(JsonObject payload, string secret = Secret) =>
        Signed("/api/slack/interactions", Form(("payload", payload.ToJsonString())), "application/x-www-form-urlencoded", secret);

    public static HttpRequestMessage Command(string text, string channel = "DALICE", string user = "UALICE", string team = TeamId, string secret = Secret, string? responseUrl = null) =>
        Signed("/api/slack/commands", Form(
            ("token", "legacy-verification-token"),
            ("team_id", team),
            ("channel_id", channel),
            ("user_id", user),
            ("command", "/kit"),
            ("text", text),
            ("response_url", responseUrl ?? "https://hooks.slack.com/commands/T/1/abc"),
            ("trigger_id", "123.456.abc")), "application/x-www-form-urlencoded", secret);

    public static byte[] Form(params (string Key, string Value)[] fields) =>
        Encoding.UTF8.GetBytes(string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")));

    /// <summary>An Events API envelope around a DM message from a person.</summary>
    public static JsonObject DirectMessage(string text, string channel = "DALICE", string user = "UALICE", string? eventId = null, string team = TeamId) =>
        Envelope(new JsonObject
        {
            ["type"] = "message",
            ["channel_type"] = "im",
            ["channel"] = channel,
            ["user"] = user,
            ["text"] = text,
            ["ts"] = "1700000001.000100",
        }, eventId, team);

    public static JsonObject Envelope(JsonObject @event, string? eventId = null, string team = TeamId) => new()
    {
        ["token"] = "legacy-verification-token",
        ["team_id"] = team,
        ["api_app_id"] = "AKITBOT",
        ["event"] = @event,
        ["type"] = "event_callback",
        ["event_id"] = eventId ?? "Ev" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(),
        ["event_time"] = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds(),
        ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = team, ["user_id"] = BotUserId, ["is_bot"] = true }),
    };

    /// <summary>A <c>block_actions</c> payload: a press of <paramref name="button"/> in a message, with the inputs' state.</summary>
    public static JsonObject BlockActions(JsonObject button, string channel = "DALICE", string user = "UALICE", JsonObject? state = null,
        string team = TeamId, bool ephemeral = false, string? responseUrl = null) => new()
    {
        ["type"] = "block_actions",
        ["team"] = new JsonObject { ["id"] = team, ["domain"] = "kitbot-test" },
        ["user"] = new JsonObject { ["id"] = user, ["team_id"] = team },
        ["api_app_id"] = "AKITBOT",
        ["container"] = new JsonObject
        {
            ["type"] = "message",
            ["message_ts"] = "1700000000.000001",
            ["channel_id"] = channel,
            ["is_ephemeral"] = ephemeral,
        },
        ["trigger_id"] = "123.456.abc",
        ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "directmessage" },
        ["state"] = new JsonObject { ["values"] = state ?? [] },
        ["response_url"] = responseUrl ?? "https://hooks.slack.com/actions/T/1/abc",
        ["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = button["action_id"]?.DeepClone(),
            ["block_id"] = "b1",
            ["value"] = button["value"]?.DeepClone(),
            ["text"] = button["text"]?.DeepClone(),
            ["action_ts"] = "1700000002.000200",
        }),
    };

    /// <summary>A <c>view_submission</c> payload: the modal <paramref name="view"/> (as opened) submitted with the inputs' state.</summary>
    public static JsonObject ViewSubmission(JsonObject view, JsonObject state, string user = "UALICE", string team = TeamId) => new()
    {
        ["type"] = "view_submission",
        ["team"] = new JsonObject { ["id"] = team, ["domain"] = "kitbot-test" },
        ["user"] = new JsonObject { ["id"] = user, ["team_id"] = team },
        ["api_app_id"] = "AKITBOT",
        ["trigger_id"] = "789.012.def",
        ["view"] = new JsonObject
        {
            ["id"] = "VKITBOT1",
            ["type"] = "modal",
            ["blocks"] = view["blocks"]?.DeepClone(),
            ["private_metadata"] = view["private_metadata"]?.DeepClone(),
            ["state"] = new JsonObject { ["values"] = state },
        },
    };

    /// <summary>Every element of every block (buttons in actions blocks and accessories, input elements).</summary>
    public static IEnumerable<JsonObject> Elements(JsonArray blocks) =>
        blocks.OfType<JsonObject>().SelectMany(b =>
            (b["elements"] as JsonArray ?? []).OfType<JsonObject>()
                .Concat(b["element"] is JsonObject e ? [e] : [])
                .Concat(b["accessory"] is JsonObject a ? [a] : []));

    /// <summary>The first button whose text is <paramref name="title"/>.</summary>
    public static JsonObject Button(JsonArray blocks, string title) =>
        Elements(blocks).First(e => e["type"]?.GetValue<string>() == "button" && e["text"]?["text"]?.GetValue<string>() == title);
}
