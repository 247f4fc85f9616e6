using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using KitBot.Conversations;
using KitBot.Dialogs.Reviews;
using KitBot.Hosting;
using KitBot.Reminders;
using KitBot.Storage;

namespace KitBot.Bench;

/// <summary>
/// Reminder dispatch: 10,000 reviews due at once, each in its own personal chat, delivered by the host's own
/// <see cref="ReminderDelivery"/> sweep (embedded SQLite, Hangfire server off so the sweep alone sends) to a
/// fake connector. Lost = due − delivered; duplicated = deliveries beyond one per review.
/// </summary>
public static class ReminderDispatch
{
    public static async Task<int> RunAsync(Options options)
    {
        var due = options.Int("reviews", 10_000);
        var rate = options.Double("rate", 250);
        var burst = options.Int("burst", 20);
        var output = options.Require("out");
        var sweepBatch = options.Int("sweep-batch", 0);

        await using var sink = await ReplySink.StartAsync();
        var data = Directory.CreateTempSubdirectory("kitbot-reminders-bench-").FullName;
        var builder = KitBotHost.CreateBuilder(
        [
            $"--urls=http://127.0.0.1:{TargetProcess.FreePort()}",
            $"--Storage:Sqlite:Path={Path.Combine(data, "kitbot.db")}",
            "--Logging:LogLevel:Default=Warning",
            "--Reminders:Hangfire:Server=false",
            $"--Reminders:Pacing:GlobalBurst={burst}",
            $"--Reminders:Pacing:GlobalPerSecond={rate.ToString(CultureInfo.InvariantCulture)}",
            .. sweepBatch > 0 ? [$"--Reminders:SweepBatch={sweepBatch}"] : Array.Empty<string>(),
        ]);
        builder.AddKitBot();
        await using var app = builder.Build();
        app.MapKitBot();
        await app.StartAsync();

        var conversations = app.Services.GetRequiredService<IConversationStore>();
        var reviews = app.Services.GetRequiredService<IReviewStore>();
        var time = app.Services.GetRequiredService<TimeProvider>();
        var now = time.GetUtcNow();
        var seeded = Stopwatch.StartNew();
        var batch = new List<StoredReview>(due);
        for (var i = 0; i < due; i++)
        {
            var conversation = $"rem-{i:D6}";
            var reference = new ConversationReference(
                ConversationReference.KeyFor("msteams", conversation), "msteams", conversation, sink.Url, $"user-{i}", "bot-1", "tenant-1", false);
            await conversations.SaveReferenceAsync(reference, now, CancellationToken.None);
            var date = DateOnly.FromDateTime(now.UtcDateTime);
            batch.Add(new StoredReview(
                StoredReview.NewId(), $"plan-{i}", reference.Key, reference.UserId, ReviewStage.PlacedForAdoption, ReviewKind.Statutory, 1,
                "Statutory review 1", date, "Europe/London", now.AddMinutes(-1), now.AddMinutes(-1), ReviewState.Pending));
        }

        await reviews.AddAsync(batch, now, CancellationToken.None);
        Console.WriteLine($"[reminders] seeded {due} reviews in {seeded.Elapsed.TotalSeconds:F1} s");

        // Sweep until every review has arrived or a generous deadline (twice the paced time plus a minute) passes.
        var delivery = app.Services.GetRequiredService<ReminderDelivery>();
        var limit = TimeSpan.FromSeconds(2 * due / rate + 60);
        var started = Stopwatch.GetTimestamp();
        var sweeps = 0;
        while (Stopwatch.GetElapsedTime(started) < limit && sink.Counts().Count < due)
        {
            sweeps++;
            var sent = await delivery.SweepAsync(CancellationToken.None);
            if (sent == 0)
            {
                await Task.Delay(100);
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(started);

        // Anything still in flight lands now; a duplicate would show here.
        await Task.Delay(2000);
        var counts = sink.Counts();
        var delivered = counts.Count;
        var duplicated = counts.Values.Sum(c => c - 1);
        var lost = due - delivered;
        var perSecond = delivered / elapsed.TotalSeconds;
        // The best the bucket allows: the burst at once, then the configured rate.
        var ideal = Math.Max(0, due - burst) / rate;
        await ResultFile.WriteAsync(output, new JsonObject
        {
            ["due"] = due,
            ["configuredPerSecond"] = rate,
            ["burst"] = burst,
            ["deliveryConcurrency"] = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ReminderOptions>>().Value.DeliveryConcurrency,
            ["delivered"] = delivered,
            ["lost"] = lost,
            ["duplicated"] = duplicated,
            ["seconds"] = elapsed.TotalSeconds,
            ["idealSeconds"] = ideal,
            ["perSecond"] = perSecond,
            ["ofConfiguredRate"] = perSecond / rate,
            ["sweeps"] = sweeps,
            ["sweepBatch"] = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ReminderOptions>>().Value.SweepBatch,
        });
        await app.StopAsync();
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
        }

        return lost == 0 && duplicated == 0 ? 0 : 1;
    }
}
