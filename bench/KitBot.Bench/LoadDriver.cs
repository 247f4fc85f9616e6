using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace KitBot.Bench;

/// <summary>
/// N concurrent simulated Teams users, each running whole consultations through POST /api/messages, with the
/// replies going to a local fake connector.
///
/// A turn's latency runs from just before the driver sends the request to the later of (a) the bot's HTTP answer
/// and (b) the last reply: the last activity the fake connector received for that conversation before the HTTP
/// answer came back. Both bots send a turn's replies inside the request (KitBot's endpoint and botbuilder's
/// CloudAdapter both await the turn), so nothing belonging to the turn arrives later; a turn whose answer came
/// back with no reply yet waits up to 2 s for its first reply and counts as an error if none comes.
/// </summary>
public static class LoadDriver
{
    /// <summary>The consultation: install, open it from the menu, the child, one person, that person's and the adoptive parents' factors.</summary>
    public const int TurnsPerConsultation = 6;

    public static async Task<int> RunAsync(Options options)
    {
        var bot = options.Require("bot");
        var users = options.Int("users", 100);
        var consultations = options.Int("consultations", users * 5);
        var warmup = options.Int("warmup", Math.Min(users, 50));
        // At least this long warming up (rounds of --warmup consultations): on 2 cores the JIT keeps re-compiling hot
        // methods at higher tiers for about 30 s of load after start (dotnet-counters: 200-500 methods/s, 0.3-0.8 s
        // of JIT time a second), so a short warm-up measures the start-up, not the turn (bench/analysis.md).
        var warmupSeconds = options.Double("warmup-seconds", 0);
        var output = options.Require("out");

        await using var sink = await ReplySink.StartAsync();
        await using var target = await TargetProcess.StartAsync(options);
        await using var memory = new MemorySampler(target.Pid);

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(users, 10), PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
        Driver driver;

        // Warm-up consultations (JIT, connection pools, SQLite pages), not counted.
        var warmupStarted = Stopwatch.GetTimestamp();
        var round = 0;
        do
        {
            driver = new Driver(http, sink, target.MessagesUrl, $"warm{round++}");
            await RunUsersAsync(driver, Math.Min(users, warmup), warmup);
        }
        while (Stopwatch.GetElapsedTime(warmupStarted).TotalSeconds < warmupSeconds);

        var measured = new Driver(http, sink, target.MessagesUrl, "run");
        var cpuBefore = target.CpuTime();
        var driverCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        await RunUsersAsync(measured, users, consultations);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpu = target.CpuTime() - cpuBefore;
        var driverCpu = Process.GetCurrentProcess().TotalProcessorTime - driverCpuBefore;

        var latencies = measured.Latencies.ToArray();
        Array.Sort(latencies);
        var result = new JsonObject
        {
            ["bot"] = bot,
            ["users"] = users,
            ["consultations"] = consultations,
            ["warmupSeconds"] = Stopwatch.GetElapsedTime(warmupStarted, started).TotalSeconds,
            ["turnsPerConsultation"] = TurnsPerConsultation,
            ["turns"] = latencies.Length,
            ["errors"] = measured.Errors,
            ["seconds"] = elapsed.TotalSeconds,
            ["turnsPerSecond"] = latencies.Length / elapsed.TotalSeconds,
            ["p50Ms"] = Percentile(latencies, 0.50),
            ["p95Ms"] = Percentile(latencies, 0.95),
            ["p99Ms"] = Percentile(latencies, 0.99),
            ["maxMs"] = latencies.Length == 0 ? 0 : latencies[^1],
            ["cpuSeconds"] = cpu.TotalSeconds,
            ["cpuMsPerTurn"] = latencies.Length == 0 ? 0 : cpu.TotalMilliseconds / latencies.Length,
            ["peakMemoryMb"] = target.PeakMemoryMb(),
            // Sampled every 20 ms: resident set and its private part (heap, stacks), whole life.
            ["peakRssSampledMb"] = memory.PeakRssMb,
            ["peakPrivateMb"] = memory.PeakPrivateMb,
            ["threads"] = TargetProcess.ProcStatusKb(target.Pid, "Threads:"),
            // The driver and its fake connector share the 2 cores with the target: what they cost, for context.
            ["driverCpuMsPerTurn"] = latencies.Length == 0 ? 0 : driverCpu.TotalMilliseconds / latencies.Length,
            // Where the tail sits: Microsoft.Data.Sqlite retries a busy database after sleeping 150 ms, so waits on
            // SQLite's write lock show up as turns just over 150 and 300 ms.
            ["turnsOver140Ms"] = latencies.Count(l => l >= 140),
            ["histogram50Ms"] = new JsonArray([.. Enumerable.Range(0, 20).Select(b => (JsonNode?)latencies.Count(l => l >= b * 50 && (b == 19 || l < (b + 1) * 50)))]),
            ["repliesPerTurn"] = latencies.Length == 0 ? 0 : (double)measured.Replies / latencies.Length,
        };
        await ResultFile.WriteAsync(output, result);
        return measured.Errors == 0 ? 0 : 1;
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static async Task RunUsersAsync(Driver driver, int users, int consultations)
    {
        var next = 0;
        var tasks = Enumerable.Range(0, users).Select(u => Task.Run(async () =>
        {
            // Each user takes the next consultation until the fixed number has been run: a bounded loop.
            while (Interlocked.Increment(ref next) is var n && n <= consultations)
            {
                await driver.ConsultAsync($"{driver.Prefix}-u{u}-c{n}", $"user-{u}");
            }
        }));
        await Task.WhenAll(tasks);
    }

    internal sealed class Driver(HttpClient http, ReplySink sink, string messagesUrl, string prefix)
    {
        private int _errors;
        private long _replies;

        public string Prefix => prefix;

        public System.Collections.Concurrent.ConcurrentBag<double> Latencies { get; } = [];

        public int Errors => Volatile.Read(ref _errors);

        public long Replies => Interlocked.Read(ref _replies);

        public async Task ConsultAsync(string conversationId, string userId)
        {
            try
            {
                JsonObject? card = null;
                for (var step = 0; step < TurnsPerConsultation; step++)
                {
                    card = await TurnAsync(conversationId, userId, Step(step, conversationId, userId, sink.Url, card));
                }
            }
            catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TaskCanceledException)
            {
                CountError(conversationId, e);
            }
            finally
            {
                sink.Forget(conversationId);
            }
        }

        public void CountError(string conversationId, Exception e)
        {
            if (Interlocked.Increment(ref _errors) <= 3)
            {
                Console.Error.WriteLine($"[load] {conversationId}: {e.Message}");
            }
        }

        /// <summary>
        /// Sends one activity, waits for the turn's last reply, records the latency; returns the turn's last card.
        /// <paramref name="scheduled"/> (open loop) is when the turn was due to be sent: latency runs from then, so a
        /// late send counts against the bot rather than being left out (coordinated omission).
        /// </summary>
        public async Task<JsonObject> TurnAsync(string conversationId, string userId, JsonObject activity, long? scheduled = null)
        {
            var before = sink.Count(conversationId);
            var start = scheduled ?? Stopwatch.GetTimestamp();
            using (var response = await http.PostAsJsonAsync(messagesUrl, activity))
            {
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"HTTP {(int)response.StatusCode} from the bot.");
                }

                await response.Content.ReadAsByteArrayAsync();
            }

            var answered = Stopwatch.GetTimestamp();
            var received = sink.Received(conversationId);
            var waitUntil = answered + 2 * Stopwatch.Frequency;
            while (received.Count <= before && Stopwatch.GetTimestamp() < waitUntil)
            {
                await Task.Delay(1);
                received = sink.Received(conversationId);
            }

            if (received.Count <= before)
            {
                throw new InvalidOperationException("No reply to a turn.");
            }

            var turnReplies = received.Skip(before).ToList();
            var last = turnReplies.Max(r => r.At);
            var end = Math.Max(answered, last);
            Latencies.Add((end - start) * 1000.0 / Stopwatch.Frequency);
            Interlocked.Add(ref _replies, turnReplies.Count);
            return turnReplies.Select(r => r.Activity).LastOrDefault(a => a["attachments"] is JsonArray { Count: > 0 })
                ?? throw new InvalidOperationException("A turn sent no card.");
        }
    }

    /// <summary>The activity for step <paramref name="step"/> (0-5) of a consultation, from the previous turn's last card.</summary>
    public static JsonObject Step(int step, string conversationId, string userId, string serviceUrl, JsonObject? card) => step switch
    {
        0 => Install(conversationId, userId, serviceUrl),
        1 => Submit(conversationId, userId, serviceUrl, MainAction(card!, "menu.consult"), []),
        2 => Submit(conversationId, userId, serviceUrl, MainAction(card!, null),
            [("ageBand", "5-10"), ("journey", "placed"), ("wishes", "said"), ("identity", ""), ("childNote", "")]),
        3 => Submit(conversationId, userId, serviceUrl, MainAction(card!, null), [("rel0", "grandparent"), ("label0", "Nan")]),
        _ => Submit(conversationId, userId, serviceUrl, MainAction(card!, null), [("f.child-positive", "yes"), ("f.person-risk", "no")]),
    };

    /// <summary>The data of the card's main Action.Submit: the one with <paramref name="verb"/>, else the positive one, else the first that is not a dialog verb.</summary>
    public static JsonObject MainAction(JsonObject activity, string? verb)
    {
        var submits = new List<JsonObject>();
        foreach (var attachment in activity["attachments"]!.AsArray())
        {
            Collect(attachment?["content"], submits);
        }

        var withData = submits.Where(s => s["data"] is JsonObject).ToList();
        var chosen = verb is not null
            ? withData.FirstOrDefault(s => s["data"]!["verb"]?.GetValue<string>() == verb)
            : withData.FirstOrDefault(s => s["style"]?.GetValue<string>() == "positive")
                ?? withData.FirstOrDefault(s => s["data"]!["verb"]?.GetValue<string>() is { } v && !v.StartsWith("dialog.", StringComparison.Ordinal));
        return (JsonObject)(chosen?["data"] ?? throw new InvalidOperationException($"No main action{(verb is null ? "" : " " + verb)} on the last card.")).DeepClone();
    }

    private static void Collect(JsonNode? node, List<JsonObject> submits)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["type"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && o["type"]!.GetValue<string>() == "Action.Submit")
                {
                    submits.Add(o);
                }

                foreach (var (_, child) in o)
                {
                    Collect(child, submits);
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Collect(child, submits);
                }

                break;
        }
    }

    private static JsonObject Base(string type, string conversationId, string userId, string serviceUrl) => new()
    {
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["from"] = new JsonObject { ["id"] = userId, ["name"] = "Bench user", ["aadObjectId"] = userId },
        ["recipient"] = new JsonObject { ["id"] = "bot-1", ["name"] = "KitBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
        ["locale"] = "en-GB",
    };

    private static JsonObject Install(string conversationId, string userId, string serviceUrl)
    {
        var activity = Base("conversationUpdate", conversationId, userId, serviceUrl);
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "bot-1" }, new JsonObject { ["id"] = userId });
        return activity;
    }

    private static JsonObject Submit(string conversationId, string userId, string serviceUrl, JsonObject data, (string Key, string Value)[] inputs)
    {
        // Teams merges the card's input values into the Action.Submit data.
        foreach (var (key, value) in inputs)
        {
            data[key] = value;
        }

        var activity = Base("message", conversationId, userId, serviceUrl);
        activity["value"] = data;
        return activity;
    }
}
