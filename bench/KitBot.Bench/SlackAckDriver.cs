using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using KitBot.Channels.Slack;

namespace KitBot.Bench;

/// <summary>
/// Slack acknowledgement latency: signed Events API callbacks (a direct message "help" from a different user
/// each) posted concurrently to /api/slack/events; latency is request out to HTTP answer in (Slack's 3 s ack).
/// </summary>
public static class SlackAckDriver
{
    private const string TeamId = "T0BENCH01";
    private const string SigningSecret = "bench-signing-secret-0123456789abcdef";

    public static async Task<int> RunAsync(Options options)
    {
        var events = options.Int("events", 2000);
        var concurrency = options.Int("concurrency", 50);
        var output = options.Require("out");

        await using var sink = await ReplySink.StartAsync();
        await using var target = await TargetProcess.StartKitBotAsync(
            options.Require("kitbot-dll"),
            "Slack:Enabled=true",
            $"Slack:ApiBaseUrl={sink.Url}/slack/api/",
            $"Slack:Workspaces:0:TeamId={TeamId}",
            "Slack:Workspaces:0:BotToken=xoxb-bench-0000",
            $"Slack:Workspaces:0:SigningSecret={SigningSecret}");

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { Timeout = TimeSpan.FromSeconds(30) };
        var url = target.BaseUrl + "/api/slack/events";

        // Warm-up, not counted; then let the worker empty its queue so the run starts with all of Slack:QueueCapacity free.
        var warmup = Math.Min(200, events);
        await SendAllAsync(http, url, "w", warmup, concurrency);
        var warmUntil = Stopwatch.GetTimestamp() + 60 * Stopwatch.Frequency;
        while (sink.SlackCalls < warmup && Stopwatch.GetTimestamp() < warmUntil)
        {
            await Task.Delay(100);
        }

        var cpuBefore = target.CpuTime();
        var started = Stopwatch.GetTimestamp();
        var (latencies, statuses) = await SendAllAsync(http, url, "r", events, concurrency);
        var elapsed = Stopwatch.GetElapsedTime(started);
        // The replies go out behind the acknowledgement; wait (bounded) for the worker to finish them, for the record.
        var expected = events + Math.Min(200, events);
        var drainUntil = Stopwatch.GetTimestamp() + 60 * Stopwatch.Frequency;
        var lastCalls = -1L;
        while (Stopwatch.GetTimestamp() < drainUntil && sink.SlackCalls < expected && sink.SlackCalls != lastCalls)
        {
            lastCalls = sink.SlackCalls;
            await Task.Delay(1000);
        }

        var drained = Stopwatch.GetElapsedTime(started);
        var cpu = target.CpuTime() - cpuBefore;
        Array.Sort(latencies);

        var result = new JsonObject
        {
            ["events"] = events,
            ["concurrency"] = concurrency,
            ["ok"] = statuses.GetValueOrDefault(200),
            ["refused"] = events - statuses.GetValueOrDefault(200),
            ["statuses"] = new JsonObject(statuses.Select(s => KeyValuePair.Create(s.Key.ToString(CultureInfo.InvariantCulture), (JsonNode?)s.Value))),
            ["seconds"] = elapsed.TotalSeconds,
            ["eventsPerSecond"] = events / elapsed.TotalSeconds,
            ["p50Ms"] = LoadDriver.Percentile(latencies, 0.50),
            ["p95Ms"] = LoadDriver.Percentile(latencies, 0.95),
            ["p99Ms"] = LoadDriver.Percentile(latencies, 0.99),
            ["maxMs"] = latencies[^1],
            ["cpuSeconds"] = cpu.TotalSeconds,
            ["peakMemoryMb"] = target.PeakMemoryMb(),
            ["slackApiCalls"] = sink.SlackCalls,
            ["secondsUntilRepliesSent"] = drained.TotalSeconds,
        };
        await ResultFile.WriteAsync(output, result);
        return 0;
    }

    private static async Task<(double[] Latencies, Dictionary<int, int> Statuses)> SendAllAsync(HttpClient http, string url, string prefix, int events, int concurrency)
    {
        var latencies = new double[events];
        var statuses = new int[events];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) is var i && i < events)
            {
                var body = Encoding.UTF8.GetBytes(Event(prefix, i).ToJsonString());
                var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new("application/json");
                request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
                request.Headers.Add(SlackSignature.SignatureHeader, Encoding.ASCII.GetString(SlackSignature.Compute(SigningSecret, timestamp, body)));
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.SendAsync(request);
                    await response.Content.ReadAsByteArrayAsync();
                    statuses[i] = (int)response.StatusCode;
                }
                catch (HttpRequestException)
                {
                    statuses[i] = 0;
                }

                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        })));
        return (latencies, statuses.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count()));
    }

    private static JsonObject Event(string prefix, int i) => new()
    {
        ["token"] = "unused",
        ["team_id"] = TeamId,
        ["api_app_id"] = "A0BENCH01",
        ["type"] = "event_callback",
        ["event_id"] = $"Ev{prefix}{i:D8}",
        ["event_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["event"] = new JsonObject
        {
            ["type"] = "message",
            ["channel_type"] = "im",
            ["user"] = $"U{prefix.ToUpperInvariant()}{i:D7}",
            ["text"] = "help",
            ["channel"] = $"D{prefix.ToUpperInvariant()}{i:D7}",
            ["ts"] = $"1700000000.{i:D6}",
            ["event_ts"] = $"1700000000.{i:D6}",
        },
    };
}
