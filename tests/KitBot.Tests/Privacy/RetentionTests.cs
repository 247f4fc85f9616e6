using KitBot.Dialogs.Reviews;
using KitBot.Privacy;
using KitBot.Storage;
using KitBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace KitBot.Tests.Privacy;

/// <summary>Retention deletes exactly what was last changed longer ago than Retention:Days.</summary>
public sealed class RetentionTests
{
    private static readonly DateTimeOffset Now = new(2025, 9, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(90)]
    [InlineData(30)]
    public async Task Purge_DeletesStateAndReviewsOlderThanTheLimit_AndKeepsTheRest(int days)
    {
        var clock = new FakeTimeProvider(Now);
        using var host = new KitBotFactory()
            .WithSetting("Retention:Days", days.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        var store = host.Services.GetRequiredService<IConversationStore>();
        var reviews = host.Services.GetRequiredService<IReviewStore>();
        var limit = TimeSpan.FromDays(days);

        // Just over the limit goes; exactly at it and newer stay.
        Assert.True(await store.TrySaveStateAsync("old", "{}", 0, Now - limit - TimeSpan.FromSeconds(1), default));
        Assert.True(await store.TrySaveStateAsync("edge", "{}", 0, Now - limit, default));
        Assert.True(await store.TrySaveStateAsync("new", "{}", 0, Now - TimeSpan.FromDays(1), default));
        // An old state saved again recently counts from its last change.
        Assert.True(await store.TrySaveStateAsync("touched", "{}", 0, Now - limit - limit, default));
        Assert.True(await store.TrySaveStateAsync("touched", "{}", 1, Now - TimeSpan.FromHours(1), default));

        var oldReview = Review("old-review", Now - limit - limit);
        var futureReview = Review("future-review", Now + TimeSpan.FromDays(200));
        await reviews.AddAsync([oldReview, futureReview], Now - limit - TimeSpan.FromDays(2), default);
        var recentReview = Review("recent-review", Now - limit - limit);
        await reviews.AddAsync([recentReview], Now - TimeSpan.FromDays(1), default);

        var removed = await host.Services.GetRequiredService<DataRetention>().PurgeAsync(default);

        Assert.Equal(2, removed);
        Assert.Null((await store.LoadStateAsync("old", default)).Json);
        Assert.NotNull((await store.LoadStateAsync("edge", default)).Json);
        Assert.NotNull((await store.LoadStateAsync("new", default)).Json);
        Assert.NotNull((await store.LoadStateAsync("touched", default)).Json);
        Assert.Null(await reviews.GetAsync("old-review", default));
        Assert.NotNull(await reviews.GetAsync("future-review", default)); // a reminder still to come is kept
        Assert.NotNull(await reviews.GetAsync("recent-review", default));
        var audit = Assert.Single(await host.Services.GetRequiredService<AuditLog>().ListAsync("system", default));
        Assert.Equal((AuditActions.RetentionPurged, "states=1;reviews=1", Now), (audit.Action, audit.Subject, audit.At));

        // Time passes: the next run takes what has since grown old, and nothing else.
        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await host.Services.GetRequiredService<DataRetention>().PurgeAsync(default));
        Assert.Null((await store.LoadStateAsync("edge", default)).Json);
        Assert.NotNull((await store.LoadStateAsync("new", default)).Json);
    }

    [Fact]
    public void TheDefaultRetention_IsNinetyDays() => Assert.Equal(90, new RetentionOptions().Days);

    [Fact]
    public void TheHost_RegistersTheRetentionJob_OnItsSchedule()
    {
        using var host = new KitBotFactory().WithSetting("Retention:Schedule", "15 3 * * *");

        using var connection = host.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();
        var job = Assert.Single(Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection), j => j.Id == DataRetention.JobId);
        Assert.Equal("15 3 * * *", job.Cron);
        Assert.Equal(typeof(DataRetention), job.Job.Type);
    }

    private static StoredReview Review(string id, DateTimeOffset due) => new(
        id, "plan", "msteams:c", "29:someone", ReviewStage.PlacedForAdoption, ReviewKind.Statutory, 1, "Statutory review 1",
        DateOnly.FromDateTime(due.UtcDateTime), "Europe/London", due, due, ReviewState.Pending);
}
