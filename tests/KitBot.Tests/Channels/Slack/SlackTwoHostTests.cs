using System.Net;
using System.Text.Json.Nodes;
using KitBot.Tests.Channels.Slack.Support;
using KitBot.Tests.Support;

namespace KitBot.Tests.Channels.Slack;

/// <summary>
/// Two real KitBot hosts with Slack on one PostgreSQL database, behind an imagined load balancer: what Slack sends
/// may reach either, and the fake Slack Web API sees what both send.
/// </summary>
public sealed class SlackTwoHostTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    private static async Task SendOkAsync(SlackHost host, HttpRequestMessage request)
    {
        using var response = await host.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<(FakeSlackApi Slack, SlackHost A, SlackHost B)> StartAsync(string name)
    {
        Skip.If(postgres.SkipReason is not null, "PostgreSQL: " + postgres.SkipReason);
        var database = await postgres.CreateDatabaseAsync(name);
        var slack = await FakeSlackApi.StartAsync();
        string[] settings = PostgresServer.HostSettings(database, "Security:TurnsPerMinutePerUser=1000");
        return (slack, await SlackHost.StartAsync(slack, settings), await SlackHost.StartAsync(slack, settings));
    }

    [SkippableFact]
    public async Task TheSameEvent_DeliveredToBothHosts_IsAnsweredOnce()
    {
        var (slack, a, b) = await StartAsync("slack_two_hosts_retry");
        await using var _ = slack;
        await using var __ = a;
        await using var ___ = b;
        var envelope = SlackRequests.DirectMessage("what is this?", channel: "D2H1", user: "U2H1", eventId: "Ev2HOSTS0001");

        await SendOkAsync(a, SlackRequests.Event(envelope));
        var retry = SlackRequests.Event(envelope);
        retry.Headers.Add("X-Slack-Retry-Num", "1");
        retry.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        await SendOkAsync(b, retry);
        // Then a later message through each host: once both are answered, the retry would have been too.
        await SendOkAsync(a, SlackRequests.Event(SlackRequests.DirectMessage("help", channel: "D2H1", user: "U2H1")));
        await SendOkAsync(b, SlackRequests.Event(SlackRequests.DirectMessage("help", channel: "D2H1", user: "U2H1")));

        await slack.WaitForAsync(cs => cs.Count(c => c.Channel == "D2H1" && FakeSlackApi.IsPost(c, "Help and privacy")) >= 2 || cs.Count(c => c.Channel == "D2H1" && c.Method == "chat.postMessage") >= 4, "both help answers");
        Assert.Single(slack.Calls, c => c.Channel == "D2H1" && FakeSlackApi.IsPost(c, "did not understand"));
    }

    [SkippableFact]
    public async Task AModal_PostedThroughOneHost_OpensAndIsSubmittedThroughTheOther()
    {
        var (slack, a, b) = await StartAsync("slack_two_hosts_form");
        await using var _ = slack;
        await using var __ = a;
        await using var ___ = b;
        var sender = a.Get<KitBot.Channels.Slack.SlackSender>();
        var reference = await sender.OpenDirectMessageAsync(SlackRequests.TeamId, "U2H2", CancellationToken.None);
        var sample = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(TemplateCards.Folder, "samples", "consult-factors.json")))!.AsObject();
        var card = new KitBot.Dialogs.Turns.CardReply("consult-factors", sample, "Consultation: factors");
        Assert.Equal(KitBot.Channels.Teams.ConnectorOutcome.Sent, await a.Get<KitBot.Channels.ChannelDirectory>().SendAsync(reference!, [card], CancellationToken.None));
        var post = slack.Calls.Last(c => c.Method == "chat.postMessage" && c.Channel == "DU2H2");

        // The button press reaches the other host, which finds the form in the database.
        await SendOkAsync(b, SlackRequests.Interaction(SlackRequests.BlockActions(SlackRequests.Button(post.Blocks, "Open the form"), channel: "DU2H2", user: "U2H2")));
        var opened = Assert.Single(slack.Calls, c => c.Method == "views.open"
            && c.Body["view"]!["private_metadata"]!.GetValue<string>().Contains("DU2H2", StringComparison.Ordinal));
        var view = opened.Body["view"]!.AsObject();
        Assert.Equal("Next", view["submit"]!["text"]!.GetValue<string>());

        var seen = slack.Calls.Count;
        await SendOkAsync(a, SlackRequests.Interaction(SlackRequests.ViewSubmission(view, new JsonObject(), user: "U2H2")));
        await slack.WaitForAsync(cs => cs.Skip(seen).Any(c => c.Method == "chat.postMessage" && c.Channel == "DU2H2"), "an answer to the modal's submission");
    }

    [SkippableFact]
    public async Task AHostStoppedAfterAcknowledgingFiftyEvents_LeavesFiftyRepliesSentByTheOther_NoneTwice()
    {
        Skip.If(postgres.SkipReason is not null, "PostgreSQL: " + postgres.SkipReason);
        var database = await postgres.CreateDatabaseAsync("slack_two_hosts_stop");
        // Each host reaches Slack through its own fake, so who sent what is plain. Host A's messages never get through.
        await using var slackA = await FakeSlackApi.StartAsync();
        await using var slackB = await FakeSlackApi.StartAsync();
        slackA.HoldMessages();
        string[] settings = PostgresServer.HostSettings(database,
            "Security:TurnsPerMinutePerUser=1000", "Slack:Workers=4", "Slack:WorkLease=00:00:02", "Slack:WorkPollInterval=00:00:00.100");
        var a = await SlackHost.StartAsync(slackA, settings);
        string Channel(int i) => $"DSTOP{i:D2}";

        for (var i = 0; i < 50; i++)
        {
            await SendOkAsync(a, SlackRequests.Event(SlackRequests.DirectMessage("help", channel: Channel(i), user: $"USTOP{i:D2}", eventId: $"EvSTOP{i:D4}")));
        }

        // Host A's four workers are each in the middle of sending a reply when it stops; the rest were never started.
        await slackA.WaitForAsync(cs => cs.Count(c => c.Method == "chat.postMessage") >= 4, "host A's workers sending");
        await a.DisposeAsync();
        Assert.Equal(4, slackA.Calls.Count(c => c.Method == "chat.postMessage"));

        await using var b = await SlackHost.StartAsync(slackB, settings);
        await slackB.WaitForAsync(cs => Enumerable.Range(0, 50).All(i => cs.Any(c => c.Channel == Channel(i) && FakeSlackApi.IsPost(c, "Help and privacy"))),
            "a help answer in each of the 50 conversations", TimeSpan.FromSeconds(60));
        // Every recorded request is done: nothing is left that could still be sent.
        await b.WaitForWorkAsync(() => Work(database) == (50, 0), "all 50 requests done");

        var posts = slackB.Calls.Where(c => c.Method == "chat.postMessage").ToList();
        for (var i = 0; i < 50; i++)
        {
            Assert.Single(posts, c => c.Channel == Channel(i));
        }

        Assert.Equal(50, posts.Count);
    }

    /// <summary>How many Slack requests the database holds as done, and how many still wait or run.</summary>
    private static (long Done, long NotDone) Work(string database)
    {
        using var connection = new Npgsql.NpgsqlConnection(database);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FILTER (WHERE state = 'done'), count(*) FILTER (WHERE state <> 'done') FROM slack_work", connection);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
