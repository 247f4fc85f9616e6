using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace KitBot.Bench;

/// <summary>Writes docs/benchmarks.md from the result files one run of bench/run.sh left in its results folder.</summary>
public static class Report
{
    public static int Write(Options options)
    {
        var dir = options.Require("results");
        var output = options.Require("out");
        var command = options.Get("command", "bench/run.sh");
        var note = options.Get("note", "");
        var load = options.Get("load", "");

        JsonObject? R(string name) => ResultFile.Read(Path.Combine(dir, name + ".json"));
        var kit = R("load-kitbot-100");
        var peer = R("load-peer-100");
        var kit1000 = R("load-kitbot-1000");
        var peer1000 = R("load-peer-1000");
        var slack = R("slack");
        var reminders = R("reminders");
        var unpaced = R("reminders-unpaced");
        var cold = R("coldstart");
        var openKit = R("openloop-kitbot");
        var openPeer = R("openloop-peer");

        var md = new StringBuilder();
        md.AppendLine("# KitBot benchmarks");
        md.AppendLine();
        md.AppendLine("Written by `bench/run.sh` (issues 9 and 15). Benchmarks are not tests: these are the figures of one run on the machine below.");
        md.AppendLine();
        md.AppendLine($"- Date (UTC): {RunTimes(dir)}");
        md.AppendLine($"- Command: `{command}`");
        md.AppendLine($"- Machine: {Environment.ProcessorCount} cores (nproc), {Machine.MemTotal()} memory (MemTotal), lscpu: {Machine.Lscpu()}");
        if (load.Length > 0)
        {
            md.AppendLine($"- Load average during the run: {load} (2 cores: above about 2 means other work shared the CPUs)");
        }

        md.AppendLine($"- Runtime: .NET {Environment.Version}, Node {Machine.NodeVersion()}; KitBot from the Release build on embedded defaults (SQLite in a temp folder, Hangfire in memory, anonymous, loopback, log level Warning)");
        if (note.Length > 0)
        {
            md.AppendLine($"- Note: {note}");
        }

        md.AppendLine();
        md.AppendLine("## Targets");
        md.AppendLine();
        md.AppendLine("| target | measured | met |");
        md.AppendLine("|---|---|---|");
        var misses = new List<string>();
        void Target(string name, string measured, bool? met, string missBy)
        {
            md.AppendLine($"| {name} | {measured} | {(met is null ? "not measured" : met.Value ? "yes" : "**no**")} |");
            if (met == false)
            {
                misses.Add($"**{name}**: {missBy}");
            }
        }

        if (kit is not null && peer is not null)
        {
            var ratio = D(kit, "turnsPerSecond") / D(peer, "turnsPerSecond");
            Target("KitBot turns/s ≥ 2× the peer's at 100 users (closed loop)",
                $"{ratio:F2}× ({F(kit, "turnsPerSecond", 0)} vs {F(peer, "turnsPerSecond", 0)} turns/s); p99 {F(kit, "p99Ms", 1)} vs {F(peer, "p99Ms", 1)} ms",
                ratio >= 2,
                $"{ratio:F2}× instead of 2× (short by {(2 - ratio) / 2:P0}).");
            var cpuRatio = D(kit, "cpuMsPerTurn") / D(peer, "cpuMsPerTurn");
            Target("KitBot CPU per turn ≤ ⅓ of the peer's (100 users, process CPU time / turns)",
                $"{cpuRatio:F2}× ({F(kit, "cpuMsPerTurn", 2)} vs {F(peer, "cpuMsPerTurn", 2)} ms/turn)",
                cpuRatio <= 1.0 / 3,
                $"{cpuRatio:F2}× of the peer's instead of 0.33× ({F(kit, "cpuMsPerTurn", 2)} ms against a target of {D(peer, "cpuMsPerTurn") / 3:F2} ms, {(D(kit, "cpuMsPerTurn") - D(peer, "cpuMsPerTurn") / 3):F2} ms a turn too many).");
        }
        else
        {
            Target("KitBot turns/s ≥ 2× the peer's at 100 users", "-", null, "");
        }

        if (Rate(openKit, 500) is { } kit500)
        {
            var peer500 = Rate(openPeer, 500);
            Target("p99 < 25 ms at 500 turns/s offered (open loop)",
                $"{F(kit500, "p99Ms", 1)} ms (achieved {F(kit500, "achievedPerSecond", 0)}/s); the peer: {(peer500 is null ? "-" : $"{F(peer500, "p99Ms", 1)} ms (achieved {F(peer500, "achievedPerSecond", 0)}/s)")}",
                D(kit500, "p99Ms") < 25,
                $"p99 {F(kit500, "p99Ms", 1)} ms, {D(kit500, "p99Ms") - 25:F1} ms over 25 ms{(peer500 is null ? "" : $" (the peer: {F(peer500, "p99Ms", 1)} ms)")}.");
        }

        if (kit is not null)
        {
            Target("p99 turn latency < 50 ms at 100 concurrent users", $"{F(kit, "p99Ms", 1)} ms", D(kit, "p99Ms") < 50,
                $"p99 {F(kit, "p99Ms", 1)} ms, {D(kit, "p99Ms") - 50:F1} ms ({(D(kit, "p99Ms") - 50) / 50:P0}) over 50 ms.");
        }

        if (slack is not null)
        {
            Target("Slack ack p99 < 100 ms", $"{F(slack, "p99Ms", 1)} ms", D(slack, "p99Ms") < 100,
                $"p99 {F(slack, "p99Ms", 1)} ms, {D(slack, "p99Ms") - 100:F1} ms over.");
        }

        if (reminders is not null)
        {
            var share = D(reminders, "ofConfiguredRate");
            var ok = share >= 0.9 && D(reminders, "lost") == 0 && D(reminders, "duplicated") == 0;
            Target("Reminder dispatch ≥ 90% of the configured rate, 0 lost, 0 duplicated",
                $"{share:P0} of {F(reminders, "configuredPerSecond", 0)}/s; lost {F(reminders, "lost", 0)}, duplicated {F(reminders, "duplicated", 0)}",
                ok, $"{share:P0} of the configured rate ({90 - share * 100:F0} points under 90%); lost {F(reminders, "lost", 0)}, duplicated {F(reminders, "duplicated", 0)}.");
        }

        if (cold is not null)
        {
            Target("Cold start < 2 s (median)", $"{F(cold, "medianMs", 0)} ms", D(cold, "medianMs") < 2000,
                $"median {F(cold, "medianMs", 0)} ms, {D(cold, "medianMs") - 2000:F0} ms over.");
        }

        if (kit1000 is not null)
        {
            Target("Peak memory < 170 MB with 1,000 conversations in flight", $"{F(kit1000, "peakMemoryMb", 0)} MB (VmHWM; private {F(kit1000, "peakPrivateMb", 0)} MB sampled), all 1,000 in flight at once{(kit is null ? "" : $"; {F(kit, "peakMemoryMb", 0)} MB for 1,000 conversations 100 at a time")}{(peer1000 is null ? "" : $"; the peer {F(peer1000, "peakMemoryMb", 0)} MB")}", D(kit1000, "peakMemoryMb") < 170,
                $"{F(kit1000, "peakMemoryMb", 0)} MB, {D(kit1000, "peakMemoryMb") - 170:F0} MB over.");
        }

        md.AppendLine();
        md.AppendLine("## Turn load: KitBot and the Bot Framework SDK peer");
        md.AppendLine();
        md.AppendLine($"Each simulated Teams user runs whole consultations ({LoadDriver.TurnsPerConsultation} turns: install, open the consultation from the welcome card, the child, one person, that person's and the adoptive parents' strengths and challenges, which ends with the summary) through POST /api/messages; the replies go to the driver's fake connector (Kestrel on 127.0.0.1). The peer (`bench/peer`, npm `botbuilder` and `botbuilder-dialogs` 4.23.3, CloudAdapter without auth, MemoryStorage) asks the same four card prompts in a waterfall after the same welcome card and ends with two summary cards, so the same driver script runs against both.");
        md.AppendLine();
        md.AppendLine("Latency of a turn: from just before the driver sends the activity to the later of the bot's HTTP answer and the **last reply**, which is the last activity the fake connector received for that conversation before the HTTP answer came back (both bots send a turn's replies inside the request). Warm-up consultations are run first and not counted, for at least the warm-up time given to `bench/run.sh` (30 s by default: KitBot's JIT is still re-compiling hot methods that long after start). CPU is the target process's user+system time during the measured part (Process.TotalProcessorTime before and after, divided by turns); peak memory is its VmHWM (whole process life, warm-up included), private MB the highest RssAnon (heap and stacks, no shared or file-backed pages) sampled every 20 ms.");
        md.AppendLine();
        md.AppendLine("| bot | users | consultations | turns | errors | turns/s | p50 ms | p95 ms | p99 ms | max ms | turns ≥ 140 ms | CPU s | CPU ms/turn | driver CPU ms/turn | peak MB | private MB | threads |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in new[] { kit, peer, kit1000, peer1000 })
        {
            if (r is null)
            {
                continue;
            }

            md.AppendLine($"| {r["bot"]} | {r["users"]} | {r["consultations"]} | {r["turns"]} | {r["errors"]} | {F(r, "turnsPerSecond", 0)} | {F(r, "p50Ms", 1)} | {F(r, "p95Ms", 1)} | {F(r, "p99Ms", 1)} | {F(r, "maxMs", 1)} | {(r["turnsOver140Ms"] is null ? "-" : $"{D(r, "turnsOver140Ms") / D(r, "turns"):P1}")} | {F(r, "cpuSeconds", 2)} | {F(r, "cpuMsPerTurn", 2)} | {F(r, "driverCpuMsPerTurn", 2)} | {F(r, "peakMemoryMb", 0)} | {(r["peakPrivateMb"] is null ? "-" : F(r, "peakPrivateMb", 0))} | {r["threads"]} |");
        }

        if (kit is not null && peer is not null)
        {
            md.AppendLine();
            md.AppendLine($"Ratio at 100 users, KitBot / peer: turns/s {D(kit, "turnsPerSecond") / D(peer, "turnsPerSecond"):F2}×, p99 {D(kit, "p99Ms") / D(peer, "p99Ms"):F2}×, CPU per turn {D(kit, "cpuMsPerTurn") / D(peer, "cpuMsPerTurn"):F2}×.");
        }

        if (kit1000 is not null)
        {
            md.AppendLine();
            md.AppendLine("The 1,000-user rows hold 1,000 conversations in flight at once (each user one consultation), for peak memory; their latencies are queueing on 2 cores, not a latency target.");
        }

        md.AppendLine();
        md.AppendLine("## Open loop: fixed offered rates, KitBot and the peer in the same run");
        md.AppendLine();
        if (openKit is null && openPeer is null)
        {
            md.AppendLine("Not run.");
        }
        else
        {
            md.AppendLine($"Turns arrive on a timer at a fixed rate for {F(openKit ?? openPeer!, "secondsPerRate", 0)} s per rate, whatever the bot does: the generator sends every turn that has come due each millisecond, without waiting for replies. A turn is the next step of a consultation whose last turn has finished, or the install of a new one when every started consultation is waiting, so the mix of turns is the closed loop's. Latency runs from the turn's **scheduled** send time (so a late send counts; no coordinated omission) to the later of the HTTP answer and the last reply. Achieved = turns completed / time from the first scheduled send to the last reply. Each bot runs the rates one after another in one process, after a warm-up at the lowest rate (as long as the closed loop's); CPU per turn is the bot process's CPU time over the rate's turns.");
            md.AppendLine();
            md.AppendLine("| bot | offered /s | turns | errors | achieved /s | p50 ms | p90 ms | p99 ms | max ms | CPU ms/turn | driver CPU ms/turn |");
            md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
            foreach (var (name, r) in new[] { ("kitbot", openKit), ("peer", openPeer) })
            {
                foreach (var row in (r?["rates"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    md.AppendLine($"| {name} | {row["offeredPerSecond"]} | {row["turns"]} | {row["errors"]} | {F(row, "achievedPerSecond", 0)} | {F(row, "p50Ms", 1)} | {F(row, "p90Ms", 1)} | {F(row, "p99Ms", 1)} | {F(row, "maxMs", 1)} | {F(row, "cpuMsPerTurn", 2)} | {F(row, "driverCpuMsPerTurn", 2)} |");
                }
            }

            md.AppendLine();
            foreach (var (name, r) in new[] { ("KitBot", openKit), ("The peer", openPeer) })
            {
                if (r is not null)
                {
                    md.AppendLine($"{name}'s peak memory over its open-loop run: {F(r, "peakMemoryMb", 0)} MB (VmHWM), private {F(r, "peakPrivateMb", 0)} MB.");
                    md.AppendLine();
                }
            }
        }

        md.AppendLine();
        md.AppendLine("## Slack acknowledgement");
        md.AppendLine();
        if (slack is not null)
        {
            md.AppendLine("Signed Events API callbacks (a direct message `help`, each from a different user and channel, valid HMAC signature) posted concurrently to /api/slack/events; latency is request out to HTTP answer in. The replies (chat.postMessage to a fake Slack Web API) go out behind the acknowledgement; the last column is when the fake had received them all.");
            md.AppendLine();
            md.AppendLine("| events | concurrency | 200 | refused | events/s | p50 ms | p95 ms | p99 ms | max ms | Web API calls | all replies sent after s |");
            md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
            md.AppendLine($"| {slack["events"]} | {slack["concurrency"]} | {slack["ok"]} | {slack["refused"]} | {F(slack, "eventsPerSecond", 0)} | {F(slack, "p50Ms", 1)} | {F(slack, "p95Ms", 1)} | {F(slack, "p99Ms", 1)} | {F(slack, "maxMs", 1)} | {slack["slackApiCalls"]} | {F(slack, "secondsUntilRepliesSent", 1)} |");
        }

        md.AppendLine();
        md.AppendLine("## Reminder dispatch");
        md.AppendLine();
        md.AppendLine("Reviews all due at once, each in its own personal chat, delivered by the host's own `ReminderDelivery.SweepAsync` (SQLite, the Hangfire server off so the sweep alone sends) to the fake connector, paced by `Reminders:Pacing:GlobalBurst`/`GlobalPerSecond`. Lost = due − reviews delivered; duplicated = deliveries beyond one per review (counted at the connector, after a 2 s settle). Rate = delivered / time from the first sweep to the last delivery; ideal = (due − burst) / rate. The unpaced row (a very high configured rate) shows the dispatcher's own ceiling.");
        md.AppendLine();
        md.AppendLine("| due | configured /s | burst | concurrency | delivered | lost | duplicated | seconds | ideal s | achieved /s | of configured |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in new[] { reminders, unpaced })
        {
            if (r is not null)
            {
                md.AppendLine($"| {r["due"]} | {F(r, "configuredPerSecond", 0)} | {r["burst"]} | {r["deliveryConcurrency"]} | {r["delivered"]} | {r["lost"]} | {r["duplicated"]} | {F(r, "seconds", 1)} | {F(r, "idealSeconds", 1)} | {F(r, "perSecond", 0)} | {D(r, "ofConfiguredRate"):P0} |");
            }
        }

        md.AppendLine();
        md.AppendLine("## Cold start");
        md.AppendLine();
        if (cold is not null)
        {
            md.AppendLine("`dotnet KitBot.dll` (Release build, a fresh SQLite file each run) from process start to the first 200 from /health/ready, polled every 5 ms.");
            md.AppendLine();
            md.AppendLine("| runs | median ms | min ms | max ms | all ms |");
            md.AppendLine("|---|---|---|---|---|");
            md.AppendLine($"| {cold["runs"]} | {F(cold, "medianMs", 0)} | {F(cold, "minMs", 0)} | {F(cold, "maxMs", 0)} | {cold["allMs"]?.ToJsonString()} |");
        }

        md.AppendLine();
        md.AppendLine("## Micro-benchmarks (BenchmarkDotNet, ShortRun, in process, MemoryDiagnoser)");
        md.AppendLine();
        var micro = Directory.Exists(Path.Combine(dir, "micro")) ? Directory.GetFiles(Path.Combine(dir, "micro"), "*-report-github.md", SearchOption.AllDirectories).FirstOrDefault() : null;
        md.AppendLine(micro is null ? "Not run." : File.ReadAllText(micro).Trim());

        md.AppendLine();
        md.AppendLine("## Missed targets and what costs the time");
        md.AppendLine();
        if (misses.Count == 0)
        {
            md.AppendLine("Every measured target was met in this run.");
        }
        else
        {
            foreach (var miss in misses)
            {
                md.AppendLine("- " + miss);
            }
        }

        var analysis = Path.Combine(dir, "analysis.md");
        if (File.Exists(analysis))
        {
            md.AppendLine();
            md.AppendLine(File.ReadAllText(analysis).Trim());
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        File.WriteAllText(output, md.ToString());
        Console.WriteLine($"Wrote {Path.GetFullPath(output)}");
        return 0;
    }

    /// <summary>
    /// When the run wrote its results (first and last, UTC), so a report written again later from the same folder
    /// still dates the run, not the writing.
    /// </summary>
    private static string RunTimes(string dir)
    {
        var written = Directory.EnumerateFiles(dir, "*.json", SearchOption.TopDirectoryOnly)
            .Select(File.GetLastWriteTimeUtc)
            .Order()
            .ToList();
        return written.Count == 0
            ? $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} (no results found)"
            : $"{written[0]:yyyy-MM-dd}, results written {written[0]:HH:mm}-{written[^1]:HH:mm}";
    }

    private static JsonObject? Rate(JsonObject? openLoop, int rate) =>
        (openLoop?["rates"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(r => r["offeredPerSecond"]?.GetValue<int>() == rate);

    private static double D(JsonObject r, string key) => r[key]?.GetValue<double>() ?? double.NaN;

    private static string F(JsonObject r, string key, int decimals) => D(r, key).ToString("F" + decimals, CultureInfo.InvariantCulture);
}
