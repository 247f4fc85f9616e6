using KitBot.Dialogs.Reviews;
using KitBot.Storage;
using KitBot.Tests.Journeys;
using KitBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KitBot.Tests.Reminders;

/// <summary>
/// A plan's reminder partner (for example the team manager): named with a code from My plans, they get a review's
/// reminder once when the owner's chat answers 403, or when it has gone unanswered for the configured working days.
/// </summary>
public sealed class ReminderPartnerTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    private const string Owner = "29:partner-owner";
    private const string Manager = "29:partner-manager";
    private const string OwnerChat = "a:partner-chat-owner";
    private const string ManagerChat = "a:partner-chat-manager";

    // Monday 16 November 2026, 10:00 in London.
    private static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 11, 16, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task OwnersChatAnswers403_TheReminderReachesTheManagerOnce_NotTwice()
    {
        var clock = Clock();
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await ReminderHost.StartAsync(clock);
        var (first, _, _) = await PartneredPlanAsync(host, connector, clock);

        connector.Respond = (_, conversation) => conversation == OwnerChat ? 403 : 201;
        clock.SetUtcNow(first.RemindAt);
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => host.Delivery.SweepAsync(CancellationToken.None))));
        await host.Delivery.SweepAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(5));
        await host.Delivery.SweepAsync(CancellationToken.None);

        Assert.Equal(ReviewState.Undeliverable, (await host.Reviews.GetAsync(first.Id, CancellationToken.None))!.State);
        var told = ToManager(connector);
        Assert.Single(told);
        Assert.Contains("could not reach", told[0], StringComparison.Ordinal);
        Assert.Contains(first.Label, told[0], StringComparison.Ordinal);
        Assert.Contains(await host.Get<KitBot.Privacy.AuditLog>().ListAsync(Owner, CancellationToken.None), e => e.Action == "reminder.partner" && e.Subject == first.Id);
    }

    [Fact]
    public async Task AReminderUnansweredForThreeWorkingDays_ReachesTheManagerOnce_AndAnAnsweredOneNever()
    {
        var clock = Clock();
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await ReminderHost.StartAsync(clock);
        var (first, _, _) = await PartneredPlanAsync(host, connector, clock);

        clock.SetUtcNow(first.RemindAt);
        Assert.Equal(1, await host.Delivery.SweepAsync(CancellationToken.None));
        var sent = TimeZoneInfo.ConvertTime(first.RemindAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));

        // Two working days later: not yet.
        clock.SetUtcNow(WorkingDaysLater(first.RemindAt, 2));
        await host.Delivery.SweepAsync(CancellationToken.None);
        Assert.Empty(ToManager(connector));

        // Three working days later, in working hours: once, however often the sweep runs.
        clock.SetUtcNow(WorkingDaysLater(first.RemindAt, 3));
        await host.Delivery.SweepAsync(CancellationToken.None);
        await host.Delivery.SweepAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(7));
        await host.Delivery.SweepAsync(CancellationToken.None);
        var told = ToManager(connector);
        Assert.Single(told);
        Assert.Contains("not been answered for 3 working days", told[0], StringComparison.Ordinal);
        Assert.True(sent.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday);
    }

    [Fact]
    public async Task ASnoozedReminder_IsAnswered_SoTheManagerIsNotToldAfterThreeWorkingDays()
    {
        var clock = Clock();
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await ReminderHost.StartAsync(clock);
        var (first, _, owner) = await PartneredPlanAsync(host, connector, clock);

        clock.SetUtcNow(first.RemindAt);
        Assert.Equal(1, await host.Delivery.SweepAsync(CancellationToken.None));
        owner.Catch();
        await owner.PressAsync("Mark reviewed");

        clock.SetUtcNow(WorkingDaysLater(first.RemindAt, 4));
        await host.Delivery.SweepAsync(CancellationToken.None);
        Assert.Empty(ToManager(connector));
    }

    [SkippableFact]
    public async Task TwoHostsOnPostgres_OwnersChatAnswers403_TheManagerIsToldExactlyOnce()
    {
        Skip.If(postgres.SkipReason is not null, "PostgreSQL: " + postgres.SkipReason);

        var database = await postgres.CreateDatabaseAsync("reminder_partner");
        var clock = Clock();
        await using var connector = await FakeConnector.StartAsync();
        await using var a = await ReminderHost.StartAsync(clock, settings: PostgresServer.HostSettings(database));
        await using var b = await ReminderHost.StartAsync(clock, settings: PostgresServer.HostSettings(database));
        var (first, _, _) = await PartneredPlanAsync(a, connector, clock);

        // The owner's chat answers 403 and, at first, the manager's connector fails too: nothing reaches the manager yet.
        var managerDown = true;
        connector.Respond = (_, conversation) => conversation == OwnerChat ? 403 : conversation == ManagerChat && Volatile.Read(ref managerDown) ? 500 : 201;
        clock.SetUtcNow(first.RemindAt);
        await Task.WhenAll(
            Task.Run(() => a.Delivery.SweepAsync(CancellationToken.None)),
            Task.Run(() => b.Delivery.SweepAsync(CancellationToken.None)));
        Assert.Empty(ToManager(connector));

        // Then both hosts sweep at once, several times each: the manager hears exactly once.
        Volatile.Write(ref managerDown, false);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => (i % 2 == 0 ? a : b).Delivery.SweepAsync(CancellationToken.None))));
        await a.Delivery.SweepAsync(CancellationToken.None);

        Assert.Single(ToManager(connector));
        Assert.Equal(ReviewState.Undeliverable, (await b.Reviews.GetAsync(first.Id, CancellationToken.None))!.State);
    }

    /// <summary>The owner drafts a plan with reviews and asks for a reminder partner code from My plans; the manager types it.</summary>
    private static async Task<(StoredReview First, CardUser Manager, CardUser Owner)> PartneredPlanAsync(ReminderHost host, FakeConnector connector, FakeTimeProvider clock)
    {
        var owner = new CardUser(host, connector, await host.AddConversationAsync(connector, OwnerChat, Owner), clock);
        var manager = new CardUser(host, connector, await host.AddConversationAsync(connector, ManagerChat, Manager), clock);
        await HandoverJourneyTests.PlanWithReviewsAsync(owner);
        var code = await HandoverJourneyTests.CodeAsync(owner, "Reminder partner", "share reminders");
        await manager.TypeAsync("share reminders " + code);
        Assert.Contains(manager.LatestTexts, t => t.Contains("You are now the reminder partner", StringComparison.Ordinal));
        owner.Catch();
        Assert.Contains(owner.Latest, c => (c.Activity["text"]?.GetValue<string>() ?? "").Contains("is now the reminder partner", StringComparison.Ordinal));
        var first = (await host.Reviews.ListOpenAsync(Owner, null, CancellationToken.None)).OrderBy(r => r.RemindAt).First();
        return (first, manager, owner);
    }

    private static List<string> ToManager(FakeConnector connector) =>
    [
        .. connector.Calls
            .Where(c => c.ConversationId == ManagerChat && c.Status is >= 200 and < 300)
            .Select(c => c.Activity["text"]?.GetValue<string>() ?? "")
            .Where(t => t.Contains("reminder partner for has", StringComparison.Ordinal) || t.Contains("reminder partner for could", StringComparison.Ordinal)),
    ];

    // The same local time a number of working days (Monday to Friday; no bank holidays in these weeks) later.
    private static DateTimeOffset WorkingDaysLater(DateTimeOffset from, int days)
    {
        var at = from;
        while (days > 0)
        {
            at = at.AddDays(1);
            if (at.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday)
            {
                days--;
            }
        }

        return at;
    }
}
