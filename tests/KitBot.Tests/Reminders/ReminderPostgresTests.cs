using System.Globalization;
using KitBot.Conversations;
using KitBot.Dialogs.Reviews;
using KitBot.Storage;
using KitBot.Tests.Support;

namespace KitBot.Tests.Reminders;

/// <summary>Two KitBot hosts on one real PostgreSQL server (conversations, reviews and Hangfire all in it).</summary>
public sealed class ReminderPostgresTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    [SkippableFact]
    public async Task TwoHosts_ThousandReviewsDueAtOnce_EachDeliveredExactlyOnce()
    {
        Skip.If(postgres.SkipReason is not null, "PostgreSQL: " + postgres.SkipReason);

        var database = await postgres.CreateDatabaseAsync("two_hosts");
        await using var connector = await FakeConnector.StartAsync();
        var settings = PostgresServer.HostSettings(database,
            "Reminders:Hangfire:Storage=PostgreSql", "Reminders:DeliveryConcurrency=8", "Reminders:SweepBatch=100");
        await using var a = await ReminderHost.StartAsync(hangfireServer: true, settings: settings);
        await using var b = await ReminderHost.StartAsync(hangfireServer: true, settings: settings);

        var now = DateTimeOffset.UtcNow;
        var rows = new List<StoredReview>();
        for (var i = 0; i < 1000; i++)
        {
            // One conversation each, as for 1,000 practitioners: pacing per conversation never holds this back.
            var reference = await a.AddConversationAsync(connector, $"conv-{i:0000}", $"user-{i:0000}");
            var due = DateOnly.FromDateTime(now.UtcDateTime);
            rows.Add(new StoredReview(
                StoredReview.NewId(), $"plan-{i}", reference.Key, reference.UserId, ReviewStage.PlacedForAdoption, ReviewKind.Statutory,
                1, "Statutory review 1", due, "Europe/London", now.AddMinutes(-1), now.AddMinutes(-1), ReviewState.Pending));
        }

        await a.Reviews.AddAsync(rows, now, CancellationToken.None);

        // Both hosts sweep at once (their Hangfire servers may be sweeping too): the claim decides who sends each.
        await Task.WhenAll(
            Task.Run(() => a.Delivery.SweepAsync(CancellationToken.None)),
            Task.Run(() => b.Delivery.SweepAsync(CancellationToken.None)),
            Task.Run(() => a.Delivery.SweepAsync(CancellationToken.None)),
            Task.Run(() => b.Delivery.SweepAsync(CancellationToken.None)));

        var perConversation = connector.Calls.GroupBy(c => c.ConversationId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1000, perConversation.Count);
        Assert.All(perConversation, p => Assert.Equal(1, p.Value));
        Assert.Equal(1000, connector.Calls.Count);
        foreach (var row in rows.Where((_, i) => i % 50 == 0))
        {
            Assert.Equal(ReviewState.Sent, (await b.Reviews.GetAsync(row.Id, CancellationToken.None))!.State);
        }

        // A shared reference written through one host is read by the other.
        Assert.NotNull(await b.Get<IConversationStore>().GetReferenceAsync(ConversationReference.KeyFor("msteams", "conv-0999"), CancellationToken.None));
    }

    [SkippableFact]
    public async Task PostgresClaim_UnderRacingCallers_HasOneWinner_AndLeaseExpiryAllowsAnother()
    {
        Skip.If(postgres.SkipReason is not null, "PostgreSQL: " + postgres.SkipReason);

        var database = await postgres.CreateDatabaseAsync("claims");
        await using var host = await ReminderHost.StartAsync(settings: PostgresServer.HostSettings(database));
        var store = host.Reviews;
        var now = DateTimeOffset.Parse("2025-06-16T08:30:00Z", CultureInfo.InvariantCulture);
        var review = new StoredReview(
            StoredReview.NewId(), "plan", "msteams:c", "u", ReviewStage.PlacedForAdoption, ReviewKind.Statutory, 1, "Statutory review 1",
            new DateOnly(2025, 6, 16), "Europe/London", now, now, ReviewState.Pending);
        await store.AddAsync([review], now, CancellationToken.None);

        var claims = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ =>
            Task.Run(() => store.TryClaimAsync(review.Id, now, now.AddMinutes(5), CancellationToken.None))));

        Assert.Single(claims, c => c is not null);
        Assert.Null(await store.TryClaimAsync(review.Id, now.AddMinutes(4), now.AddMinutes(9), CancellationToken.None));
        Assert.NotNull(await store.TryClaimAsync(review.Id, now.AddMinutes(6), now.AddMinutes(11), CancellationToken.None));
        Assert.True(await store.MarkSentAsync(review.Id, now.AddMinutes(6), CancellationToken.None));
        Assert.Null(await store.TryClaimAsync(review.Id, now.AddHours(1), now.AddHours(2), CancellationToken.None));
    }
}
