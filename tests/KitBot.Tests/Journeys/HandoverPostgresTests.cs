using KitBot.Dialogs.Reviews;
using KitBot.Storage;
using KitBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KitBot.Tests.Journeys;

/// <summary>Hand-over on two KitBot hosts sharing one PostgreSQL database.</summary>
public sealed class HandoverPostgresTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    [SkippableFact]
    public async Task TwoColleaguesOnTwoHosts_TypeOneCodeAtOnce_OneGetsThePlan_TheOtherIsTold()
    {
        await using var hosts = await TwoHostsAsync("handover_race");
        var (clock, connector, one, two) = (hosts.Clock, hosts.Connector, hosts.One, hosts.Two);
        var owner = new CardUser(one, connector, await one.AddConversationAsync(connector, "a:pg-owner", "29:pg-owner"), clock);
        var b = new CardUser(one, connector, await one.AddConversationAsync(connector, "a:pg-b", "29:pg-b"), clock);
        var c = new CardUser(two, connector, await two.AddConversationAsync(connector, "a:pg-c", "29:pg-c"), clock);
        var title = await HandoverJourneyTests.PlanWithReviewsAsync(owner);
        var code = await HandoverJourneyTests.CodeAsync(owner, "Hand over", "take over");

        await Task.WhenAll(Task.Run(() => b.TypeAsync("take over " + code)), Task.Run(() => c.TypeAsync("take over " + code)));

        var winner = new[] { b, c }.Single(p => p.LatestTexts.Any(t => t.Contains("is now yours", StringComparison.Ordinal)));
        var loser = winner == b ? c : b;
        Assert.Contains(loser.LatestTexts, t => t.Contains("already been used", StringComparison.Ordinal));
        var winnerId = winner == b ? "29:pg-b" : "29:pg-c";
        Assert.NotEmpty(await two.Get<IReviewStore>().ListOpenAsync(winnerId, null, CancellationToken.None));
        Assert.Empty(await one.Get<IReviewStore>().ListOpenAsync("29:pg-owner", null, CancellationToken.None));
        await loser.TypeAsync("my plans");
        Assert.DoesNotContain(title, loser.LastCard.ToJsonString(), StringComparison.Ordinal);
        await winner.TypeAsync("my plans");
        Assert.Contains(title, winner.LastCard.ToJsonString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ReviewsSentToATeamChannelOnOneHost_AreDeliveredThereByTheOther_Once()
    {
        await using var hosts = await TwoHostsAsync("review_route");
        var (clock, connector, one, two) = (hosts.Clock, hosts.Connector, hosts.One, hosts.Two);
        var owner = new CardUser(one, connector, await one.AddConversationAsync(connector, "a:pg-route-owner", "29:pg-route-owner"), clock);
        await HandoverJourneyTests.PlanWithReviewsAsync(owner);
        var channel = await one.AddConversationAsync(connector, "19:pg-team@thread.tacv2", "29:pg-route-owner", isGroup: true);
        await new CardUser(one, connector, channel, clock).TypeAsync("send my reviews here");

        var first = (await two.Reviews.ListOpenAsync("29:pg-route-owner", null, CancellationToken.None)).OrderBy(r => r.RemindAt).First();
        clock.SetUtcNow(first.RemindAt);
        var sent = await Task.WhenAll(one.Delivery.SweepAsync(CancellationToken.None), two.Delivery.SweepAsync(CancellationToken.None));

        Assert.Equal(1, sent.Sum());
        Assert.Single(connector.Calls, c => c.ConversationId == "19:pg-team@thread.tacv2" && c.CardJson.Contains("Plan review due", StringComparison.Ordinal));
        Assert.DoesNotContain(connector.Calls, c => c.ConversationId == "a:pg-route-owner" && c.CardJson.Contains("Plan review due", StringComparison.Ordinal));
        Assert.Equal(ReviewState.Sent, (await one.Reviews.GetAsync(first.Id, CancellationToken.None))!.State);
    }

    /// <summary>Two KitBot hosts on one fresh PostgreSQL database, one fake clock and one fake connector.</summary>
    private async Task<TwoHosts> TwoHostsAsync(string name)
    {
        Skip.If(postgres.SkipReason is not null, "PostgreSQL: " + postgres.SkipReason);
        var database = await postgres.CreateDatabaseAsync(name);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 16, 10, 0, 0, TimeSpan.Zero));
        var connector = await FakeConnector.StartAsync();
        var one = await ReminderHost.StartAsync(clock, settings: PostgresServer.HostSettings(database));
        var two = await ReminderHost.StartAsync(clock, settings: PostgresServer.HostSettings(database));
        return new TwoHosts(clock, connector, one, two);
    }

    private sealed record TwoHosts(FakeTimeProvider Clock, FakeConnector Connector, ReminderHost One, ReminderHost Two) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Two.DisposeAsync();
            await One.DisposeAsync();
            await Connector.DisposeAsync();
        }
    }
}
