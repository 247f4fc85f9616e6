using System.Text.Json.Nodes;
using KitBot.Tests.Channels.Slack.Support;

namespace KitBot.Tests.Channels.Slack;

/// <summary>
/// Slack Socket Mode against a local fake Socket Mode server (<see cref="FakeSocketMode"/>, Slack's documented envelope
/// format): KitBot opens the websocket with its app-level token, acknowledges each envelope, answers through the same
/// adapter as the HTTP endpoints, and reconnects on <c>disconnect</c> and on a dropped socket without losing an envelope.
/// </summary>
public sealed class SlackSocketModeTests
{
    private const string AppToken = "xapp-1-AKITBOT-1-socket-mode-test-token";
    private const string WelcomeHeading = "KitBot: keeping in touch after adoption";
    private const string HelpHeading = "Help and privacy";

    private static readonly string[] Settings = [$"Slack:AppToken={AppToken}", "Slack:SocketReconnectDelay=00:00:00.050", "Security:TurnsPerMinutePerUser=1000"];

    private static bool HasHeader(JsonArray? blocks, string text) =>
        blocks?.OfType<JsonObject>().Any(b => b["type"]?.GetValue<string>() == "header" && b["text"]?["text"]?.GetValue<string>() == text) == true;

    private static async Task<SlackApiCall> WaitForHeaderAsync(FakeSlackApi slack, string channel, string heading, int after = 0)
    {
        var calls = await slack.WaitForAsync(
            cs => cs.Skip(after).Any(c => c.Method == "chat.postMessage" && c.Channel == channel && HasHeader(c.Blocks, heading)),
            $"a message in {channel} headed '{heading}'");
        return calls.Skip(after).First(c => c.Method == "chat.postMessage" && c.Channel == channel && HasHeader(c.Blocks, heading));
    }

    private static async Task<(FakeSlackApi Slack, FakeSocketMode Socket, SlackHost Bot)> StartAsync()
    {
        var slack = await FakeSlackApi.StartAsync();
        var socket = await FakeSocketMode.StartAsync(slack);
        var bot = await SlackHost.StartAsync(slack, Settings);
        await socket.WaitForAsync(s => s.Log.Contains("hello 1"), "KitBot's first connection");
        return (slack, socket, bot);
    }

    /// <summary>How many Slack requests the host recorded for a conversation, and how many of them are not done.</summary>
    private static (long Recorded, long NotDone) Work(SlackHost bot, string channel)
    {
        using var connection = bot.Get<KitBot.Storage.StorageConnections>().Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*), count(*) FILTER (WHERE state <> 'done') FROM slack_work WHERE conversation = '{SlackRequests.TeamId}:{channel}'";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    [Fact]
    public async Task ADirectMessage_ABlockAction_AndKitHelp_EachGetTheirReply()
    {
        var (slack, socket, bot) = await StartAsync();
        await using var _ = slack;
        await using var __ = socket;
        await using var ___ = bot;
        // The websocket URL came from apps.connections.open, asked with the app-level token.
        var open = Assert.Single(slack.Calls, c => c.Method == "apps.connections.open");
        Assert.Equal($"Bearer {AppToken}", open.Authorization);

        var message = await socket.SendAsync("events_api", SlackRequests.DirectMessage("hi", channel: "DSOCK1", user: "USOCK1"));
        var welcome = await WaitForHeaderAsync(slack, "DSOCK1", WelcomeHeading);
        await socket.WaitForAsync(s => s.AckFor(message) is not null, "the message acknowledged");
        Assert.Equal(new JsonObject { ["envelope_id"] = message }.ToJsonString(), socket.AckFor(message)!.ToJsonString());

        var seen = slack.Calls.Count;
        var press = await socket.SendAsync("interactive", SlackRequests.BlockActions(SlackRequests.Button(welcome.Blocks, "Help and privacy"), channel: "DSOCK1", user: "USOCK1"));
        var help = await WaitForHeaderAsync(slack, "DSOCK1", HelpHeading, after: seen);
        Assert.Contains("Privacy: use age bands", help.Json);
        await socket.WaitForAsync(s => s.AckFor(press) is not null, "the button press acknowledged");

        var responseUrl = slack.ResponseUrlPrefix + "commands/TKITBOT01/1/socket";
        var command = await socket.SendAsync("slash_commands", new JsonObject
        {
            ["token"] = "legacy-verification-token",
            ["team_id"] = SlackRequests.TeamId,
            ["team_domain"] = "kitbot-test",
            ["channel_id"] = "CSOCK1",
            ["channel_name"] = "adoption-team",
            ["user_id"] = "USOCK1",
            ["command"] = "/kit",
            ["text"] = "help",
            ["api_app_id"] = "AKITBOT",
            ["response_url"] = responseUrl,
            ["trigger_id"] = "123.456.socket",
        });
        await socket.WaitForAsync(s => s.AckFor(command) is not null, "the slash command acknowledged");
        // The answer rides on the acknowledgement when the turn is quick, as in the HTTP response; otherwise through response_url.
        var inline = socket.AckFor(command)!["payload"] as JsonObject;
        if (!HasHeader(inline?["blocks"] as JsonArray, HelpHeading))
        {
            await slack.WaitForAsync(cs => cs.Any(c => c.Method == "response_url" && HasHeader(c.Blocks, HelpHeading)), "the help answer through response_url");
        }
        else
        {
            Assert.Equal("ephemeral", inline!["response_type"]!.GetValue<string>());
        }

        Assert.DoesNotContain(slack.Calls, c => c.Method == "chat.postMessage" && c.Channel == "CSOCK1");
        Assert.Equal(1, socket.Connections);
    }

    [Fact]
    public async Task ADisconnect_OpensTheNextConnectionBeforeClosingTheOld_AndNothingIsLost()
    {
        var (slack, socket, bot) = await StartAsync();
        await using var _ = slack;
        await using var __ = socket;
        await using var ___ = bot;

        await socket.DisconnectAsync();
        await socket.WaitForAsync(s => s.Log.Contains("closed by app 1"), "KitBot closing the old connection");
        var log = socket.Log.ToList();
        Assert.True(log.IndexOf("hello 2") is >= 0 and var hello && hello < log.IndexOf("closed by app 1"), "The new connection was up before the old one closed:\n" + string.Join("\n", log));
        Assert.Equal(2, slack.Calls.Count(c => c.Method == "apps.connections.open"));

        var message = await socket.SendAsync("events_api", SlackRequests.DirectMessage("help", channel: "DSOCK2", user: "USOCK2"));
        await WaitForHeaderAsync(slack, "DSOCK2", HelpHeading);
        await socket.WaitForAsync(s => s.AckFor(message) is not null, "the message on the new connection acknowledged");
        Assert.Contains($"ack {message} on 2", socket.Log);
    }

    [Fact]
    public async Task ADroppedSocket_IsReopened_AndTheEnvelopeItLeftUnacknowledged_IsAnsweredOnce()
    {
        var (slack, socket, bot) = await StartAsync();
        await using var _ = slack;
        await using var __ = socket;
        await using var ___ = bot;

        var message = await socket.SendThenDropAsync("events_api", SlackRequests.DirectMessage("help", channel: "DSOCK3", user: "USOCK3"));

        // Slack sends it again on KitBot's next connection, and this time it is acknowledged.
        await socket.WaitForAsync(s => s.Log.Contains($"ack {message} on 2"), "the envelope acknowledged on the new connection");
        await WaitForHeaderAsync(slack, "DSOCK3", HelpHeading);
        await bot.WaitForWorkAsync(() => Work(bot, "DSOCK3") is { Recorded: > 0, NotDone: 0 }, "the recorded request done");
        Assert.Equal(1, Work(bot, "DSOCK3").Recorded);
        Assert.Single(slack.Calls, c => c.Method == "chat.postMessage" && c.Channel == "DSOCK3");
        Assert.Equal(2, slack.Calls.Count(c => c.Method == "apps.connections.open"));
    }

    [Fact]
    public async Task WhenAppsConnectionsOpenFails_KitBotTriesAgain_AndConnects()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        await using var socket = await FakeSocketMode.StartAsync(slack);
        slack.Script("apps.connections.open", 200, new JsonObject { ["ok"] = false, ["error"] = "internal_error" });
        slack.Script("apps.connections.open", 500, new JsonObject { ["ok"] = false });
        slack.Script("apps.connections.open", 200, new JsonObject { ["ok"] = true, ["url"] = "https://not-a-websocket.example" });

        await using var bot = await SlackHost.StartAsync(slack, Settings);

        await socket.WaitForAsync(s => s.Log.Contains("hello 1"), "a connection after three failed attempts");
        Assert.Equal(4, slack.Calls.Count(c => c.Method == "apps.connections.open"));
        await socket.SendAsync("events_api", SlackRequests.DirectMessage("help", channel: "DSOCK4", user: "USOCK4"));
        await WaitForHeaderAsync(slack, "DSOCK4", HelpHeading);
    }

    [Fact]
    public async Task AnEnvelopeNamingAWorkspaceKitBotDoesNotServe_IsAcknowledged_AndNothingElseHappens()
    {
        var (slack, socket, bot) = await StartAsync();
        await using var _ = slack;
        await using var __ = socket;
        await using var ___ = bot;

        var stranger = await socket.SendAsync("events_api", SlackRequests.DirectMessage("help", channel: "DSOCK5", user: "USOCK5", team: SlackRequests.UnknownTeamId));
        await socket.WaitForAsync(s => s.AckFor(stranger) is not null, "the stranger's envelope acknowledged");
        // Then one from a served workspace in the same channel id: once it is answered, the first would have been too.
        var served = await socket.SendAsync("events_api", SlackRequests.DirectMessage("help", channel: "DSOCK5", user: "USOCK5"));
        await WaitForHeaderAsync(slack, "DSOCK5", HelpHeading);

        Assert.Single(slack.Calls, c => c.Method == "chat.postMessage" && c.Channel == "DSOCK5");
        Assert.Equal(1, Work(bot, "DSOCK5").Recorded);
        using var connection = bot.Get<KitBot.Storage.StorageConnections>().Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM slack_work WHERE conversation LIKE '{SlackRequests.UnknownTeamId}:%'";
        Assert.Equal(0L, Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull(socket.AckFor(served));
    }
}
