using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KitBot.Tests.Channels.Slack.Support;

namespace KitBot.Tests.Channels.Slack;

/// <summary>
/// Requests KitBot must refuse or shrug off: bad signatures and workspaces it does not serve (401, no Web API call),
/// malformed payloads (400, or acknowledged and ignored). Nothing crashes; the host keeps answering.
/// </summary>
public sealed class SlackRequestSafetyTests(SlackHostFixture fixture) : IClassFixture<SlackHostFixture>
{
    private FakeSlackApi Slack => fixture.Slack;

    private SlackHost Bot => fixture.Bot;

    private async Task<HttpStatusCode> StatusAsync(HttpRequestMessage request)
    {
        using var response = await Bot.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>A DM that is answered proves the worker ran everything queued before it in that channel.</summary>
    private async Task MarkerAsync(string channel)
    {
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(SlackRequests.Event(SlackRequests.DirectMessage("help", channel: channel, user: "U" + channel))));
        await Slack.WaitForAsync(cs => cs.Any(c => c.Channel == channel && FakeSlackApi.IsPost(c, "Help and privacy")), $"the marker reply in {channel}");
    }

    public static TheoryData<string> Refused() =>
    [
        "events signed by a workspace KitBot does not serve",
        "events signed by one workspace, naming the other",
        "events naming no team, signed by a stranger",
        "command signed by a workspace KitBot does not serve",
        "command signed by one workspace, naming a stranger",
        "interaction signed by one workspace, naming the other",
        "events with no signature",
        "events with a stale timestamp",
    ];

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task RequestsNotSignedByTheWorkspaceTheyName_Get401_AndNoWebApiCall(string what)
    {
        const string channel = "DSAFE1";
        var message = SlackRequests.DirectMessage("help", channel: channel, user: "UINTRUDER");
        var other = SlackRequests.DirectMessage("help", channel: channel, user: "UINTRUDER", team: SlackRequests.OtherTeamId);
        HttpRequestMessage request = what switch
        {
            "events signed by a workspace KitBot does not serve" => SlackRequests.Event(SlackRequests.DirectMessage("help", channel, "UINTRUDER", team: SlackRequests.UnknownTeamId), SlackRequests.UnknownSecret),
            "events signed by one workspace, naming the other" => SlackRequests.Event(other, SlackRequests.Secret),
            "events naming no team, signed by a stranger" => SlackRequests.Event(new JsonObject { ["type"] = "url_verification", ["challenge"] = "x" }, SlackRequests.UnknownSecret),
            "command signed by a workspace KitBot does not serve" => SlackRequests.Command("help", channel, "UINTRUDER", SlackRequests.UnknownTeamId, SlackRequests.UnknownSecret),
            "command signed by one workspace, naming a stranger" => SlackRequests.Command("help", channel, "UINTRUDER", SlackRequests.UnknownTeamId, SlackRequests.Secret),
            "interaction signed by one workspace, naming the other" => SlackRequests.Interaction(
                SlackRequests.BlockActions(new JsonObject { ["action_id"] = "ac.btn.0", ["value"] = "{\"verb\":\"menu.help\"}" }, channel, "UINTRUDER", team: SlackRequests.OtherTeamId),
                SlackRequests.Secret),
            "events with no signature" => Unsigned(message),
            "events with a stale timestamp" => SlackRequests.Signed("/api/slack/events", Encoding.UTF8.GetBytes(message.ToJsonString()), "application/json",
                timestamp: TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() - 301),
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(request));

        await MarkerAsync("DSAFEMARK1");
        Assert.DoesNotContain(Slack.Calls, c => c.Channel == channel || c.Json.Contains("UINTRUDER", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSecondWorkspace_IsServedWithItsOwnToken()
    {
        var message = SlackRequests.DirectMessage("help", channel: "DSAFE2", user: "USAFE2", team: SlackRequests.OtherTeamId);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(SlackRequests.Event(message, SlackRequests.OtherSecret)));

        var calls = await Slack.WaitForAsync(cs => cs.Any(c => c.Channel == "DSAFE2"), "the reply in the second workspace");
        Assert.Equal($"Bearer {SlackRequests.OtherToken}", calls.First(c => c.Channel == "DSAFE2").Authorization);
    }

    public static TheoryData<string, string, byte[], HttpStatusCode> Malformed() => new()
    {
        { "events: not JSON", "/api/slack/events", "{\"type\": \"event_callback\", "u8.ToArray(), HttpStatusCode.BadRequest },
        { "events: a JSON array", "/api/slack/events", "[1,2,3]"u8.ToArray(), HttpStatusCode.BadRequest },
        { "events: no type", "/api/slack/events", "{\"team_id\":\"TKITBOT01\"}"u8.ToArray(), HttpStatusCode.BadRequest },
        { "events: callback without an event", "/api/slack/events", "{\"type\":\"event_callback\",\"team_id\":\"TKITBOT01\"}"u8.ToArray(), HttpStatusCode.BadRequest },
        { "events: unknown envelope type", "/api/slack/events", "{\"type\":\"app_rate_limited\",\"team_id\":\"TKITBOT01\"}"u8.ToArray(), HttpStatusCode.OK },
        { "events: unknown event type", "/api/slack/events", Encoding.UTF8.GetBytes(SlackRequests.Envelope(new JsonObject { ["type"] = "reaction_added", ["user"] = "U1" }).ToJsonString()), HttpStatusCode.OK },
        { "events: event is a string", "/api/slack/events", "{\"type\":\"event_callback\",\"team_id\":\"TKITBOT01\",\"event\":\"message\"}"u8.ToArray(), HttpStatusCode.BadRequest },
        { "interactions: not UTF-8", "/api/slack/interactions", [0x70, 0x61, 0x79, 0x6c, 0x6f, 0x61, 0x64, 0x3d, 0xff, 0xfe, 0xc3], HttpStatusCode.BadRequest },
        { "interactions: no payload field", "/api/slack/interactions", SlackRequests.Form(("something", "else")), HttpStatusCode.BadRequest },
        { "interactions: payload not JSON", "/api/slack/interactions", SlackRequests.Form(("payload", "{not json")), HttpStatusCode.BadRequest },
        { "interactions: bad percent-encoding", "/api/slack/interactions", "payload=%7B%zz%22type"u8.ToArray(), HttpStatusCode.BadRequest },
        { "interactions: payload without team", "/api/slack/interactions", SlackRequests.Form(("payload", "{\"type\":\"block_actions\"}")), HttpStatusCode.BadRequest },
        { "interactions: unknown type", "/api/slack/interactions", SlackRequests.Form(("payload", "{\"type\":\"message_action\",\"team\":{\"id\":\"TKITBOT01\"},\"user\":{\"id\":\"U1\"}}")), HttpStatusCode.OK },
        { "interactions: no actions", "/api/slack/interactions", SlackRequests.Form(("payload", "{\"type\":\"block_actions\",\"team\":{\"id\":\"TKITBOT01\"},\"user\":{\"id\":\"U1\"},\"actions\":[]}")), HttpStatusCode.OK },
        { "interactions: a button value that is not JSON", "/api/slack/interactions", SlackRequests.Form(("payload", SlackRequests.BlockActions(new JsonObject { ["action_id"] = "ac.btn.0", ["value"] = "{{{" }).ToJsonString())), HttpStatusCode.OK },
        { "commands: missing fields", "/api/slack/commands", SlackRequests.Form(("command", "/kit"), ("team_id", "TKITBOT01")), HttpStatusCode.BadRequest },
        { "commands: JSON instead of a form", "/api/slack/commands", "{\"command\":\"/kit\"}"u8.ToArray(), HttpStatusCode.BadRequest },
        { "commands: empty body", "/api/slack/commands", [], HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task MalformedPayloads_Get400_OrAreAcknowledgedAndIgnored(string what, string path, byte[] body, HttpStatusCode expected)
    {
        var request = SlackRequests.Signed(path, body, path.EndsWith("events", StringComparison.Ordinal) ? "application/json" : "application/x-www-form-urlencoded");
        var before = Slack.Calls.Count;

        Assert.True(expected == await StatusAsync(request), what);

        await MarkerAsync("DSAFEMARK2");
        // Markers (this case's and, arriving late under load, an earlier case's) are the only calls allowed.
        Assert.DoesNotContain(Slack.Calls.Skip(before), c => c.Channel?.StartsWith("DSAFEMARK", StringComparison.Ordinal) != true);
    }

    [Fact]
    public async Task OtherMethods_Get405()
    {
        using var response = await Bot.Client.GetAsync("/api/slack/events");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private static HttpRequestMessage Unsigned(JsonObject body) =>
        new(HttpMethod.Post, "/api/slack/events") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
}
