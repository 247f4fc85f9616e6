using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using KitBot.Conversations;
using KitBot.Storage;
using KitBot.Tests.Channels.Slack.Support;
using KitBot.Tests.Channels.Teams;
using KitBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace KitBot.Tests.Security;

/// <summary>
/// No 500 from input: a corpus of mutated Teams activities, Slack payloads, download links and dashboard requests,
/// each sent with valid authentication. Every answer is below 500; a refused one (4xx) changes nothing (no
/// conversation state or reference, no message sent); <c>/health/ready</c> answers 200 after every case.
/// </summary>
public sealed class InputFuzzTests(ITestOutputHelper output)
{
    private const string AppId = "00000000-1111-2222-3333-444444444444";
    private const string Issuer = "https://api.botframework.com";
    private const string ServiceUrl = "https://smba.example.test/amer/";

    /// <summary>Valid Teams activities, each the seed of many mutations (and the properties to mutate).</summary>
    public static IReadOnlyList<(string Name, JsonObject Seed, string[] Paths, string[] Strings)> TeamsSeeds() =>
    [
        ("message", Activity("message", new JsonObject
        {
            ["text"] = "<at>KitBot</at> help",
            ["locale"] = "en-GB",
            ["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = "<at>KitBot</at>",
                ["mentioned"] = new JsonObject { ["id"] = "28:" + AppId, ["name"] = "KitBot" },
            }),
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
        }),
        [
            "type", "id", "timestamp", "serviceUrl", "channelId", "from", "from/id", "recipient", "conversation", "conversation/id",
            "conversation/isGroup", "conversation/conversationType", "conversation/tenantId", "text", "locale", "localTimezone",
            "entities", "entities[0]", "entities[0]/type", "entities[0]/text", "entities[0]/mentioned", "entities[0]/mentioned/id",
            "channelData", "channelData/tenant", "channelData/tenant/id",
        ],
        ["text", "id"]),
        ("invoke", Activity("invoke", new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject
                {
                    ["type"] = "Action.Execute",
                    ["verb"] = "menu.help",
                    ["data"] = new JsonObject { ["verb"] = "menu.help", ["plan"] = "pl-19c2a3b4d5e-7" },
                },
                ["trigger"] = "manual",
            },
        }),
        ["name", "value", "value/action", "value/action/type", "value/action/verb", "value/action/data", "value/action/data/verb", "value/action/data/plan", "value/trigger"],
        ["verb", "name"]),
        ("submit", Activity("message", new JsonObject
        {
            ["value"] = new JsonObject { ["verb"] = "menu.help", ["cid"] = "co-19c2a3b4d5e-1", ["step"] = 2, ["f.note"] = "yes" },
        }),
        ["value", "value/verb", "value/cid", "value/step", "value/f.note"],
        ["verb", "cid"]),
        ("conversationUpdate", Activity("conversationUpdate", new JsonObject
        {
            ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:" + AppId }, new JsonObject { ["id"] = "29:fuzz-user" }),
        }),
        ["membersAdded", "membersAdded[0]", "membersAdded[0].id", "recipient.id"],
        ["id"]),
        ("installationUpdate", Activity("installationUpdate", new JsonObject { ["action"] = "add" }),
        ["action"],
        ["action"]),
    ];

    [Fact]
    public void TheCorpus_HoldsAtLeastThreeHundredCases_AcrossTeamsSlackDownloadsAndTheDashboard()
    {
        var teams = TeamsCases().Count();
        var slack = SlackCases().Count();
        var downloads = DownloadPaths().Count();
        var dashboard = DashboardRequests("http://127.0.0.1:1").Count();
        output.WriteLine($"Teams {teams}, Slack {slack}, downloads {downloads}, dashboard {dashboard}");

        Assert.True(teams + slack + downloads + dashboard >= 300);
        Assert.All(new[] { teams, slack, downloads, dashboard }, n => Assert.True(n >= 20));
    }

    [Fact]
    public async Task TeamsActivities_Mutated_AreAnswered400OrAcknowledged_NeverWith500_AndRefusedOnesChangeNothing()
    {
        using var key = new TestSigningKey("key-1", "msteams", "webchat");
        var logs = new CapturingLoggerProvider();
        await using var keys = await OpenIdMetadataServer.StartAsync(Issuer, key);
        using var kitBot = new KitBotFactory()
            .WithSetting("Teams:AppId", AppId)
            .WithSetting("Teams:OpenIdMetadataUrl", keys.MetadataUrl)
            .WithSetting("Teams:ValidIssuers:0", Issuer)
            .WithSetting("Teams:TenantId", "tenant-1")
            .WithSetting("Teams:AppPassword", "test-secret")
            .WithSetting("Security:TurnsPerMinutePerUser", "100000")
            .WithServices(services => services.AddSingleton<ILoggerProvider>(logs));
        using var client = kitBot.CreateClient();
        var now = TimeProvider.System.GetUtcNow();
        var token = key.CreateToken(Issuer, AppId, now.AddMinutes(-5), now.AddHours(2), ServiceUrl);

        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();
        foreach (var fuzz in TeamsCases())
        {
            var before = Snapshot(kitBot);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new ByteArrayContent(fuzz.Body) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            Check(fuzz.Name, status, failures);
            if (status is >= 400 and < 500 && Snapshot(kitBot) != before)
            {
                failures.Add($"{fuzz.Name}: refused with {status} but changed {before} -> {Snapshot(kitBot)}");
            }

            using var health = await client.GetAsync("/health/ready");
            if (health.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{fuzz.Name}: /health/ready answered {(int)health.StatusCode} after it");
            }
        }

        output.WriteLine(string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // Forged values never flood the logs: none of the 100,000-character values reached a log line.
        Assert.DoesNotContain(logs.Lines, l => l.Contains(new string('x', 200), StringComparison.Ordinal));
        // The corpus reached the pipeline, not only the parser.
        Assert.True(statuses.GetValueOrDefault(202) + statuses.GetValueOrDefault(200) > 20);
        Assert.True(statuses.GetValueOrDefault(400) > 100);
    }

    [Fact]
    public async Task SlackPayloads_Mutated_AreAnswered400OrAcknowledged_NeverWith500_AndRefusedOnesChangeNothing()
    {
        await using var api = await FakeSlackApi.StartAsync();
        // One worker: the last marker's reply proves every queued turn before it has run.
        await using var bot = await SlackHost.StartAsync(api, "Slack:Workers=1", "Security:TurnsPerMinutePerUser=100000");
        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();
        var refused = new List<(string Name, string Channel, string User)>();
        var accepted = new List<string>();
        var n = 0;
        foreach (var (path, contentType, fuzz) in SlackCases())
        {
            // Each case its own channel and user, so what it changed can be found afterwards.
            var channel = $"DFZ{n:0000}";
            var user = $"UFZ{n:0000}";
            n++;
            var body = Replace(Replace(fuzz.Body, "DFZSEED", channel), "UFZSEED", user);
            using var response = await bot.SendAsync(SlackRequests.Signed(path, body, contentType));
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            Check(fuzz.Name, status, failures);
            if (status is >= 400 and < 500)
            {
                refused.Add((fuzz.Name, channel, user));
            }
            else
            {
                accepted.Add(channel);
            }

            using var health = await bot.Client.GetAsync("/health/ready");
            if (health.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{fuzz.Name}: /health/ready answered {(int)health.StatusCode} after it");
            }
        }

        foreach (var raw in RawRequests(bot.Url))
        {
            var status = await SendRawAsync(bot.Url, raw.Request);
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            Check(raw.Name, status, failures);
            await CheckHealthAsync(bot.Client, raw.Name, failures);
        }

        using (var marker = await bot.SendAsync(SlackRequests.Event(SlackRequests.DirectMessage("help", "DFZMARK", "UFZMARK"))))
        {
            Assert.Equal(HttpStatusCode.OK, marker.StatusCode);
        }

        await api.WaitForAsync(cs => cs.Any(c => c.Json.Contains("DFZMARK", StringComparison.Ordinal)), "the marker's reply", TimeSpan.FromSeconds(60));
        var store = bot.Get<IConversationStore>();
        foreach (var (name, channel, user) in refused)
        {
            if (await store.GetReferenceAsync(ConversationReference.KeyFor("slack", channel), default) is not null
                || (await store.LoadStateAsync(ConversationReference.StateKeyFor(ConversationReference.KeyFor("slack", channel), user), default)).Version != 0
                || api.Calls.Any(c => c.Json.Contains(channel, StringComparison.Ordinal) || c.Json.Contains(user, StringComparison.Ordinal)))
            {
                failures.Add($"{name}: refused but left a reference, a state or a Slack call");
            }
        }

        // The same look finds what accepted cases left, so its silence about refused ones means something.
        var seen = 0;
        foreach (var channel in accepted)
        {
            if (await store.GetReferenceAsync(ConversationReference.KeyFor("slack", channel), default) is not null)
            {
                seen++;
            }
        }

        output.WriteLine(string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")) + $"; accepted cases that left a reference: {seen}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(seen > 20, $"only {seen} accepted cases left a reference");
        Assert.True(statuses.GetValueOrDefault(200) > 20);
        Assert.True(statuses.GetValueOrDefault(400) > 50);
    }

    [Fact]
    public async Task DownloadsAndDashboardRequests_Odd_AreRefusedWithoutA500()
    {
        await using var api = await FakeSlackApi.StartAsync();
        await using var bot = await SlackHost.StartAsync(api);
        var failures = new List<string>();
        foreach (var path in DownloadPaths())
        {
            using var response = await bot.Client.GetAsync(path);
            var status = (int)response.StatusCode;
            Check("download " + path[..Math.Min(60, path.Length)], status, failures);
            if (status is >= 200 and < 300)
            {
                failures.Add($"download {path[..Math.Min(60, path.Length)]}: answered {status} to a made-up link");
            }

            await CheckHealthAsync(bot.Client, "download " + path[..Math.Min(60, path.Length)], failures);
        }

        foreach (var (name, request) in DashboardRequests(bot.Url))
        {
            using var response = await bot.Client.SendAsync(request);
            var status = (int)response.StatusCode;
            Check(name, status, failures);
            if (status is >= 200 and < 300)
            {
                failures.Add($"{name}: answered {status}");
            }

            using var health = await bot.Client.GetAsync("/health/ready");
            if (health.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{name}: /health/ready answered {(int)health.StatusCode} after it");
            }
        }

        foreach (var raw in RawRequests(bot.Url).Where(r => r.Name.Contains("dashboard", StringComparison.Ordinal)))
        {
            Check(raw.Name, await SendRawAsync(bot.Url, raw.Request), failures);
            await CheckHealthAsync(bot.Client, raw.Name, failures);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static async Task CheckHealthAsync(HttpClient client, string name, List<string> failures)
    {
        using var health = await client.GetAsync("/health/ready");
        if (health.StatusCode != HttpStatusCode.OK)
        {
            failures.Add($"{name}: /health/ready answered {(int)health.StatusCode} after it");
        }
    }

    private static void Check(string name, int status, List<string> failures)
    {
        if (status >= 500 && status != 501 && status != 503)
        {
            failures.Add($"{name}: answered {status}");
        }
    }

    public static IEnumerable<FuzzCase> TeamsCases()
    {
        foreach (var (name, seed, paths, strings) in TeamsSeeds())
        {
            foreach (var fuzz in FuzzCorpus.Mutate(name, seed, paths))
            {
                yield return fuzz;
            }

            foreach (var fuzz in FuzzCorpus.Damage(name, seed, strings))
            {
                yield return fuzz;
            }
        }

        foreach (var fuzz in FuzzCorpus.NotObjects("teams"))
        {
            yield return fuzz;
        }
    }

    public static IEnumerable<(string Path, string ContentType, FuzzCase Case)> SlackCases()
    {
        const string json = "application/json";
        const string form = "application/x-www-form-urlencoded";
        var dm = SlackRequests.DirectMessage("help", "DFZSEED", "UFZSEED");
        string[] dmPaths =
        [
            "type", "team_id", "event", "event.type", "event.user", "event.channel", "event.channel_type", "event.text", "event.ts",
            "event_id", "event_time", "authorizations", "authorizations[0]", "authorizations[0].user_id", "authorizations[0].is_bot",
        ];
        foreach (var fuzz in FuzzCorpus.Mutate("slack event", dm, dmPaths).Concat(FuzzCorpus.Damage("slack event", dm, "text", "user", "team_id")))
        {
            yield return ("/api/slack/events", json, fuzz);
        }

        foreach (var seconds in new[] { long.MaxValue, long.MinValue, 253_402_300_800L, -62_135_596_801L })
        {
            var outOfRange = (JsonObject)dm.DeepClone();
            outOfRange["event_time"] = seconds;
            yield return ("/api/slack/events", json, new FuzzCase($"slack event_time {seconds}", Encoding.UTF8.GetBytes(outOfRange.ToJsonString())));
        }

        foreach (var fuzz in FuzzCorpus.NotObjects("slack event"))
        {
            yield return ("/api/slack/events", json, fuzz);
        }

        var mention = SlackRequests.Envelope(new JsonObject
        {
            ["type"] = "app_mention", ["channel"] = "CFZSEED", ["user"] = "UFZSEED", ["text"] = "<@UKITBOT> help", ["ts"] = "1700000001.000100",
        });
        foreach (var fuzz in FuzzCorpus.Mutate("slack mention", mention, ["event/ts", "event/thread_ts", "event/bot_id", "event/subtype"]))
        {
            yield return ("/api/slack/events", json, fuzz);
        }

        var press = SlackRequests.BlockActions(new JsonObject { ["action_id"] = "ac.btn.0", ["value"] = "{\"verb\":\"menu.help\"}" }, "DFZSEED", "UFZSEED");
        string[] pressPaths =
        [
            "type", "team", "team.id", "user", "user.id", "user.team_id", "container", "container.type", "container.channel_id", "container.is_ephemeral",
            "channel", "channel.id", "state", "state.values", "actions", "actions[0]", "actions[0].action_id", "actions[0].value", "response_url",
        ];
        foreach (var fuzz in FuzzCorpus.Mutate("slack press", press, pressPaths).Concat(FuzzCorpus.Damage("slack press", press, "type", "action_id")))
        {
            yield return ("/api/slack/interactions", form, fuzz with { Body = Payload(fuzz.Body) });
        }

        var submit = SlackRequests.ViewSubmission(
            new JsonObject { ["blocks"] = new JsonArray(), ["private_metadata"] = "{\"channel\":\"DFZSEED\",\"data\":{\"verb\":\"menu.help\"}}" },
            new JsonObject { ["b1"] = new JsonObject { ["ac.in.note"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "x" } } },
            "UFZSEED");
        foreach (var fuzz in FuzzCorpus.Mutate("slack modal", submit, ["view", "view/private_metadata", "view/state", "view/state/values", "view/state/values/b1", "view/state/values/b1/ac.in.note"]))
        {
            yield return ("/api/slack/interactions", form, fuzz with { Body = Payload(fuzz.Body) });
        }

        foreach (var metadata in new[] { "{\"channel\":\"DFZSEED\",\"channel\":1,\"data\":{}}", "{\"channel\":\"DFZSEED\",\"data\":{\"verb\":\"a\",\"verb\":\"b\"}}", "[", "\"x\"", new string('[', 3000) })
        {
            var odd = (JsonObject)submit.DeepClone();
            odd["view"]!["private_metadata"] = metadata;
            yield return ("/api/slack/interactions", form, new FuzzCase($"slack modal metadata {metadata[..Math.Min(20, metadata.Length)]}", Payload(Encoding.UTF8.GetBytes(odd.ToJsonString()))));
        }

        foreach (var value in new[] { "{\"verb\":\"a\",\"verb\":\"b\"}", "{\"verb\":1e400}", new string('{', 3000), "{\"verb\":\"menu.help\",\"x\":\"\\ud800\"}" })
        {
            var odd = (JsonObject)press.DeepClone();
            odd["actions"]![0]!["value"] = value;
            yield return ("/api/slack/interactions", form, new FuzzCase($"slack press value {value[..Math.Min(20, value.Length)]}", Payload(Encoding.UTF8.GetBytes(odd.ToJsonString()))));
        }

        yield return ("/api/slack/interactions", form, new FuzzCase("slack interaction without payload", Encoding.UTF8.GetBytes("other=1")));
        yield return ("/api/slack/interactions", form, new FuzzCase("slack interaction payload twice", Encoding.UTF8.GetBytes(
            $"payload={Uri.EscapeDataString(press.ToJsonString())}&payload={Uri.EscapeDataString(press.ToJsonString())}")));
        yield return ("/api/slack/interactions", form, new FuzzCase("slack interaction invalid UTF-8 escaped", Encoding.UTF8.GetBytes("payload=%7B%22type%22%3A%22%FF%22%7D")));
        yield return ("/api/slack/interactions", form, new FuzzCase("slack interaction invalid UTF-8 raw", [.. "payload="u8, 0xFF, 0xFE]));
        yield return ("/api/slack/interactions", form, new FuzzCase("slack interaction bad escape", Encoding.UTF8.GetBytes("payload=%ZZ%7")));

        (string Key, string Value)[] command =
        [
            ("token", "legacy"), ("team_id", SlackRequests.TeamId), ("channel_id", "DFZSEED"), ("user_id", "UFZSEED"),
            ("command", "/kit"), ("text", "help"), ("response_url", "https://hooks.slack.com/commands/T/1/abc"), ("trigger_id", "1.2.3"),
        ];
        for (var i = 0; i < command.Length; i++)
        {
            var index = i;
            yield return ("/api/slack/commands", form, new FuzzCase($"slack command {command[i].Key} removed", SlackRequests.Form([.. command.Where((_, k) => k != index)])));
            foreach (var (name, value) in new[] { ("empty", ""), ("huge", new string('y', 100_000)), ("NUL", "\0"), ("lone surrogate", "\ud800") })
            {
                var changed = command.ToArray();
                changed[i] = (changed[i].Key, value);
                yield return ("/api/slack/commands", form, new FuzzCase($"slack command {command[i].Key} {name}", FormLoose(changed)));
            }

            yield return ("/api/slack/commands", form, new FuzzCase($"slack command {command[i].Key} twice",
                Encoding.UTF8.GetBytes(string.Join("&", command.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}")) + $"&{command[i].Key}=other")));
            yield return ("/api/slack/commands", form, new FuzzCase($"slack command {command[i].Key} invalid UTF-8",
                Encoding.UTF8.GetBytes(string.Join("&", command.Select((f, k) => k == index ? $"{f.Key}=%FF%FE" : $"{f.Key}={Uri.EscapeDataString(f.Value)}")))));
        }

        foreach (var fuzz in FuzzCorpus.NotObjects("slack command"))
        {
            yield return ("/api/slack/commands", form, fuzz);
        }
    }

    public static IEnumerable<string> DownloadPaths() =>
    [
        "/plans/download/",
        "/plans/download/x",
        "/plans/download/" + new string('A', 8000),
        "/plans/download/" + Uri.EscapeDataString("../../etc/passwd"),
        "/plans/download/%00",
        "/plans/download/%FF%FE",
        "/plans/download/" + Uri.EscapeDataString("CfDJ8" + new string('x', 200)),
        "/plans/download/" + Uri.EscapeDataString("a.b.c"),
        "/plans/download/" + Uri.EscapeDataString("{\"plan\":\"pl-1\"}"),
        "/plans/download/%E2%82",
        "/plans/download/====",
        "/plans/download/-_-_",
        "/plans/download/" + Convert.ToBase64String(new byte[64]),
        "/plans/download/" + Convert.ToBase64String(new byte[64]).Replace('+', '-').Replace('/', '_').TrimEnd('='),
        "/plans/download/" + Convert.ToBase64String(Encoding.UTF8.GetBytes(new string('z', 3000))).Replace('+', '-').Replace('/', '_').TrimEnd('='),
        "/plans/download/x?format=docx",
        "/plans/download/x?format=" + new string('q', 4000),
        "/plans/download/x?format=%FF",
        "/plans/download/x/y",
        "/plans/download/%2e%2e%2f",
        "/plans/download/%C0%AF",
        "/plans/download/" + Uri.EscapeDataString("\ud83d\ude00"),
        "/plans/download/CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "/plans/download/" + new string('9', 30),
    ];

    public static IEnumerable<(string Name, HttpRequestMessage Request)> DashboardRequests(string baseUrl)
    {
        string[] headers =
        [
            "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "Forwarded", "X-Real-IP", "True-Client-IP", "X-Client-IP",
            "CF-Connecting-IP", "X-Cluster-Client-IP", "X-Original-Forwarded-For", "X-Original-Host", "X-Original-URL", "Via",
        ];
        foreach (var header in headers)
        {
            foreach (var value in new[] { "203.0.113.7", "127.0.0.1", "", new string('1', 8000), "%FF%FE" })
            {
                var request = new HttpRequestMessage(HttpMethod.Get, baseUrl + "/hangfire");
                request.Headers.TryAddWithoutValidation(header, value);
                yield return ($"dashboard {header}={value[..Math.Min(12, value.Length)]}", request);
            }
        }

        foreach (var path in new[] { "/hangfire/recurring/trigger", "/hangfire/jobs/enqueued/delete", "/hangfire/recurring/remove", "/hangfire/jobs/succeeded/requeue" })
        {
            yield return ($"dashboard POST {path} without token", new HttpRequestMessage(HttpMethod.Post, baseUrl + path)
            {
                Content = new FormUrlEncodedContent([new("jobs[]", "kitbot-reminder-sweep")]),
            });
            yield return ($"dashboard POST {path} with a made-up token", new HttpRequestMessage(HttpMethod.Post, baseUrl + path)
            {
                Content = new FormUrlEncodedContent([new("jobs[]", new string('j', 5000))]),
                Headers = { { "X-KitBot-Dashboard-Token", "CfDJ8-forged" } },
            });
        }
    }

    /// <summary>Requests an HTTP client library would not send: bad chunked framing, a lying Content-Length.</summary>
    public static IEnumerable<(string Name, string Request)> RawRequests(string baseUrl)
    {
        var host = new Uri(baseUrl).Authority;
        foreach (var path in new[] { "/api/messages", "/api/slack/events", "/api/slack/commands", "/api/slack/interactions" })
        {
            yield return ($"{path} bad chunk size", $"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZ\r\n{{}}\r\n0\r\n\r\n");
            yield return ($"{path} chunk longer than said", $"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n2\r\n{{\"type\":\"message\"}}\r\n0\r\n\r\n");
            yield return ($"{path} chunk without its line end", $"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n2\r\n{{}}XX0\r\n\r\n");
            yield return ($"{path} huge chunk size", $"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nFFFFFFFFFFFFFFFFFF\r\n{{}}\r\n0\r\n\r\n");
            yield return ($"{path} body shorter than Content-Length", $"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: 100\r\nConnection: close\r\n\r\n{{}}");
        }

        yield return ("dashboard POST bad chunk size", $"POST /hangfire/recurring/trigger HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZ\r\nx\r\n0\r\n\r\n");
    }

    /// <summary>Sends raw bytes and reads the status line; a connection closed without a response counts as 400 (refused).</summary>
    private static async Task<int> SendRawAsync(string baseUrl, string request)
    {
        var uri = new Uri(baseUrl);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(uri.Host, uri.Port);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        if (request.Contains("Content-Length: 100", StringComparison.Ordinal))
        {
            // The client stops sending: the server sees the body end early.
            tcp.Client.Shutdown(SocketShutdown.Send);
        }

        var buffer = new byte[4096];
        var read = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (read < 12)
        {
            int n;
            try
            {
                n = await stream.ReadAsync(buffer.AsMemory(read), timeout.Token);
            }
            catch (IOException)
            {
                // Reset without a response: refused, and certainly not a 500.
                return 400;
            }

            if (n == 0)
            {
                return 400;
            }

            read += n;
        }

        var statusLine = Encoding.ASCII.GetString(buffer, 0, read);
        return int.Parse(statusLine.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static JsonObject Activity(string type, JsonObject extra)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = "activity-1",
            ["timestamp"] = "2026-12-05T10:00:00Z",
            ["serviceUrl"] = ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = "29:fuzz-user", ["name"] = "Ada" },
            ["recipient"] = new JsonObject { ["id"] = "28:" + AppId, ["name"] = "KitBot" },
            ["conversation"] = new JsonObject { ["id"] = "a:fuzz", ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
            ["localTimezone"] = "Europe/London",
        };
        foreach (var (key, node) in extra)
        {
            activity[key] = node!.DeepClone();
        }

        return activity;
    }

    private static byte[] Payload(byte[] json) =>
        [.. "payload="u8, .. Encoding.ASCII.GetBytes(PercentEncode(json))];

    // Percent-encodes raw bytes (so invalid UTF-8 stays invalid inside the form field).
    private static string PercentEncode(byte[] bytes)
    {
        var text = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9'))
            {
                text.Append((char)b);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    private static byte[] FormLoose((string Key, string Value)[] fields) =>
        Encoding.ASCII.GetBytes(string.Join("&", fields.Select(f => $"{f.Key}={PercentEncode(Encoding.UTF8.GetBytes(f.Value))}")));

    private static byte[] Replace(byte[] body, string from, string to)
    {
        var needle = Encoding.ASCII.GetBytes(from);
        var replacement = Encoding.ASCII.GetBytes(to);
        var result = new List<byte>(body.Length);
        for (var i = 0; i < body.Length;)
        {
            if (i + needle.Length <= body.Length && body.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                result.AddRange(replacement);
                i += needle.Length;
            }
            else
            {
                result.Add(body[i++]);
            }
        }

        return [.. result];
    }

    /// <summary>What a refused request must not change: state rows and versions, references, sent messages.</summary>
    private static string Snapshot(KitBotFactory host)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = host.DatabasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) FROM conversation_state) || '/' || (SELECT coalesce(sum(version), 0) FROM conversation_state)
                || '/' || (SELECT count(*) FROM conversation_reference) || '/' || (SELECT coalesce(max(updated_at), '') FROM conversation_reference)
            """;
        return $"{command.ExecuteScalar()}/{host.Connector.Sent.Count}";
    }
}
