using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace KitBot.Bench;

/// <summary>
/// Open-loop load: turns arrive at a fixed offered rate on a schedule that does not wait for replies, as real users'
/// messages do. A generator releases the i-th turn at start + i / rate (checking the clock every millisecond and
/// sending every turn that has come due); each turn's latency runs from its scheduled time, not from when it was
/// actually sent, so a bot (or a driver) that falls behind shows it in the percentiles instead of hiding it
/// (coordinated omission).
///
/// A turn is the next step of a consultation that is not waiting for a reply: the generator takes a conversation
/// whose last turn has finished, or starts a new consultation when every started one is busy, so arrivals never
/// depend on how fast the bot answers, and the turns keep the closed loop's mix (one install, one menu choice,
/// four card submits per consultation).
/// </summary>
public static class OpenLoop
{
    public static async Task<int> RunAsync(Options options)
    {
        var bot = options.Require("bot");
        var rates = options.Get("rates", "200,500,1000").Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToArray();
        var seconds = options.Double("seconds", 10);
        var warmupSeconds = options.Double("warmup-seconds", 3);
        var output = options.Require("out");

        await using var sink = await ReplySink.StartAsync();
        await using var target = await TargetProcess.StartAsync(options);
        await using var memory = new MemorySampler(target.Pid);

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 4000, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };

        // Warm-up at the lowest rate (JIT, connection pools, SQLite pages), not counted.
        await RunRateAsync(new LoadDriver.Driver(http, sink, target.MessagesUrl, "olwarm"), sink, rates.Min(), warmupSeconds);

        var rows = new JsonArray();
        var errors = 0;
        foreach (var rate in rates)
        {
            var driver = new LoadDriver.Driver(http, sink, target.MessagesUrl, $"ol{rate}");
            var cpuBefore = target.CpuTime();
            var driverCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var (elapsed, scheduled) = await RunRateAsync(driver, sink, rate, seconds);
            var cpu = target.CpuTime() - cpuBefore;
            var driverCpu = Process.GetCurrentProcess().TotalProcessorTime - driverCpuBefore;
            var latencies = driver.Latencies.ToArray();
            Array.Sort(latencies);
            errors += driver.Errors;
            rows.Add(new JsonObject
            {
                ["offeredPerSecond"] = rate,
                ["scheduled"] = scheduled,
                ["turns"] = latencies.Length,
                ["errors"] = driver.Errors,
                ["seconds"] = elapsed.TotalSeconds,
                // Turns completed over the time from the first scheduled send to the last reply.
                ["achievedPerSecond"] = latencies.Length / elapsed.TotalSeconds,
                ["p50Ms"] = LoadDriver.Percentile(latencies, 0.50),
                ["p90Ms"] = LoadDriver.Percentile(latencies, 0.90),
                ["p99Ms"] = LoadDriver.Percentile(latencies, 0.99),
                ["maxMs"] = latencies.Length == 0 ? 0 : latencies[^1],
                ["cpuSeconds"] = cpu.TotalSeconds,
                ["cpuMsPerTurn"] = latencies.Length == 0 ? 0 : cpu.TotalMilliseconds / latencies.Length,
                ["driverCpuMsPerTurn"] = latencies.Length == 0 ? 0 : driverCpu.TotalMilliseconds / latencies.Length,
            });
            Console.WriteLine($"[openloop] {bot} {rate}/s: {latencies.Length} turns, p50 {LoadDriver.Percentile(latencies, 0.5):F1} ms, p99 {LoadDriver.Percentile(latencies, 0.99):F1} ms, {cpu.TotalMilliseconds / Math.Max(1, latencies.Length):F2} CPU ms/turn");
        }

        var result = new JsonObject
        {
            ["bot"] = bot,
            ["secondsPerRate"] = seconds,
            ["rates"] = rows,
            ["peakMemoryMb"] = target.PeakMemoryMb(),
            ["peakRssSampledMb"] = memory.PeakRssMb,
            ["peakPrivateMb"] = memory.PeakPrivateMb,
        };
        await ResultFile.WriteAsync(output, result);
        return errors == 0 ? 0 : 1;
    }

    /// <summary>Offers <paramref name="rate"/> turns a second for <paramref name="seconds"/>; returns the time to the last reply and the turns scheduled.</summary>
    private static async Task<(TimeSpan Elapsed, int Scheduled)> RunRateAsync(LoadDriver.Driver driver, ReplySink sink, int rate, double seconds)
    {
        var total = (int)(rate * seconds);
        var ready = new ConcurrentQueue<Conversation>();
        var running = new List<Task>(total);
        var started = 0;
        var start = Stopwatch.GetTimestamp();
        var sent = 0;
        while (sent < total)
        {
            var due = Math.Min(total, (int)((Stopwatch.GetTimestamp() - start) * (double)rate / Stopwatch.Frequency) + 1);
            for (; sent < due; sent++)
            {
                var scheduledAt = start + (long)(sent * (double)Stopwatch.Frequency / rate);
                if (!ready.TryDequeue(out var conversation))
                {
                    var n = Interlocked.Increment(ref started);
                    conversation = new Conversation($"{driver.Prefix}-c{n}", $"user-{driver.Prefix}-{n}");
                }

                running.Add(TurnAsync(driver, sink, conversation, scheduledAt, ready));
            }

            if (sent < total)
            {
                await Task.Delay(1);
            }
        }

        await Task.WhenAll(running);
        var elapsed = Stopwatch.GetElapsedTime(start);
        foreach (var left in ready)
        {
            sink.Forget(left.Id);
        }

        return (elapsed, total);
    }

    private static async Task TurnAsync(LoadDriver.Driver driver, ReplySink sink, Conversation conversation, long scheduledAt, ConcurrentQueue<Conversation> ready)
    {
        // Off the generator's loop at once: the generator must never wait for a send.
        await Task.Yield();
        try
        {
            conversation.Card = await driver.TurnAsync(conversation.Id, conversation.UserId,
                LoadDriver.Step(conversation.Step, conversation.Id, conversation.UserId, sink.Url, conversation.Card), scheduledAt);
            conversation.Step++;
            if (conversation.Step < LoadDriver.TurnsPerConsultation)
            {
                ready.Enqueue(conversation);
                return;
            }
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TaskCanceledException)
        {
            driver.CountError(conversation.Id, e);
        }

        sink.Forget(conversation.Id);
    }

    private sealed class Conversation(string id, string userId)
    {
        public string Id { get; } = id;

        public string UserId { get; } = userId;

        public int Step { get; set; }

        public JsonObject? Card { get; set; }
    }
}
