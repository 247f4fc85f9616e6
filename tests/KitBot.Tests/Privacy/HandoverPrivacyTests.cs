using KitBot.Privacy;
using KitBot.Storage;
using KitBot.Tests.Journeys;
using KitBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KitBot.Tests.Privacy;

/// <summary>Hand-over codes and reminder partners go with "forget me" (either side) and with retention.</summary>
public sealed class HandoverPrivacyTests
{
    private const string Owner = "29:privacy-owner";
    private const string Manager = "29:privacy-manager";

    [Fact]
    public async Task ForgetMe_ByTheManager_DeletesTheirPartnerRowAndUsedCode_AndTheOwnersStay()
    {
        var (host, connector, clock) = await StartAsync();
        await using var _ = host;
        await using var __ = connector;
        await PartnerAsync(host, connector, clock);
        Assert.Equal(1, await CountAsync(host, "SELECT count(*) FROM plan_partner WHERE partner_user_id = @user", Manager));
        Assert.Equal(1, await CountAsync(host, "SELECT count(*) FROM handover_code WHERE used_by = @user", Manager));

        await host.Get<DataRetention>().ForgetAsync(Manager, CancellationToken.None);

        Assert.Equal(0, await CountAsync(host, "SELECT count(*) FROM plan_partner WHERE partner_user_id = @user", Manager));
        Assert.Equal(0, await CountAsync(host, "SELECT count(*) FROM handover_code WHERE used_by = @user", Manager));
        Assert.NotEmpty(await host.Reviews.ListOpenAsync(Owner, null, CancellationToken.None));
    }

    [Fact]
    public async Task ForgetMe_ByTheOwner_DeletesTheirCodesAndPartnerRows()
    {
        var (host, connector, clock) = await StartAsync();
        await using var _ = host;
        await using var __ = connector;
        await PartnerAsync(host, connector, clock);

        await host.Get<DataRetention>().ForgetAsync(Owner, CancellationToken.None);

        Assert.Equal(0, await CountAsync(host, "SELECT count(*) FROM plan_partner WHERE owner_user_id = @user", Owner));
        Assert.Equal(0, await CountAsync(host, "SELECT count(*) FROM handover_code WHERE owner_user_id = @user", Owner));
    }

    [Fact]
    public async Task Retention_DeletesCodesExpiredLongAgo_AndKeepsAPartnerWhileThePlanHasReviews()
    {
        var (host, connector, clock) = await StartAsync();
        await using var _ = host;
        await using var __ = connector;
        await PartnerAsync(host, connector, clock);
        var owner = new CardUser(host, connector, (await host.Get<IConversationStore>().GetReferenceAsync("msteams:a:privacy-owner", CancellationToken.None))!, clock);
        await HandoverJourneyTests.CodeAsync(owner, "Hand over", "take over");
        Assert.Equal(2, await CountAsync(host, "SELECT count(*) FROM handover_code WHERE owner_user_id = @user", Owner));

        // Ninety days (Retention:Days) after the codes expired, they go; the partner stays while the plan's reviews do.
        clock.Advance(TimeSpan.FromDays(93));
        await host.Get<DataRetention>().PurgeAsync(CancellationToken.None);

        Assert.Equal(0, await CountAsync(host, "SELECT count(*) FROM handover_code WHERE owner_user_id = @user", Owner));
        Assert.Equal(1, await CountAsync(host, "SELECT count(*) FROM plan_partner WHERE owner_user_id = @user", Owner));
    }

    private static async Task<(ReminderHost, FakeConnector, FakeTimeProvider)> StartAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 16, 10, 0, 0, TimeSpan.Zero));
        var connector = await FakeConnector.StartAsync();
        return (await ReminderHost.StartAsync(clock), connector, clock);
    }

    private static async Task PartnerAsync(ReminderHost host, FakeConnector connector, FakeTimeProvider clock)
    {
        var owner = new CardUser(host, connector, await host.AddConversationAsync(connector, "a:privacy-owner", Owner), clock);
        var manager = new CardUser(host, connector, await host.AddConversationAsync(connector, "a:privacy-manager", Manager), clock);
        await HandoverJourneyTests.PlanWithReviewsAsync(owner);
        var code = await HandoverJourneyTests.CodeAsync(owner, "Reminder partner", "share reminders");
        await manager.TypeAsync("share reminders " + code);
        Assert.Contains(manager.LatestTexts, t => t.Contains("You are now the reminder partner", StringComparison.Ordinal));
    }

    private static async Task<long> CountAsync(ReminderHost host, string sql, string user)
    {
        await using var connection = await host.Get<StorageConnections>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var p = command.CreateParameter();
        p.ParameterName = "@user";
        p.Value = user;
        command.Parameters.Add(p);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
