using KitBot.Dialogs.Reviews;
using KitBot.Reminders;
using KitBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KitBot.Tests.Reminders;

/// <summary>Real Hangfire with in-memory storage: what is lost on a restart is made up by the sweep.</summary>
public sealed class ReminderRestartTests
{
    [Fact]
    public async Task ReviewScheduled_HostStops_DueTimePasses_HostStarts_ReminderDeliveredOnce()
    {
        await using var connector = await FakeConnector.StartAsync();
        var clock = new FakeTimeProvider(ReminderScenario.Utc("2025-06-16T07:00:00Z"));   // Monday 08:00 BST
        string dataFolder;
        string reviewId;
        await using (var first = await ReminderHost.StartAsync(clock, hangfireServer: true))
        {
            dataFolder = first.DataFolder;
            await first.AddConversationAsync(connector, "conv-restart");
            var hours = first.Get<ReminderCalendar>().For("Europe/London");
            var due = DateOnly.FromDateTime(new DateTime(2025, 6, 16));
            var review = new KitBot.Storage.StoredReview(
                KitBot.Storage.StoredReview.NewId(), "plan-r", "msteams:conv-restart", "user-1", ReviewStage.PlacedForAdoption,
                ReviewKind.Statutory, 1, "Statutory review 1", due, "Europe/London", hours.ReminderSlot(due), hours.ReminderSlot(due), ReviewState.Pending);
            await first.Reviews.AddAsync([review], clock.GetUtcNow(), CancellationToken.None);
            first.Get<IReminderScheduler>().ScheduleDelivery(review.Id, review.RemindAt);
            reviewId = review.Id;
        }

        // The host is down (its in-memory Hangfire jobs are gone) while 09:30 passes.
        clock.SetUtcNow(ReminderScenario.Utc("2025-06-16T10:00:00Z"));
        Assert.Empty(connector.Calls);

        await using var second = await ReminderHost.StartAsync(clock, dataFolder, hangfireServer: true);
        await FakeConnector.WaitUntilAsync(() => connector.Calls.Count >= 1, TimeSpan.FromSeconds(30), "the reminder after the restart");

        // The send is recorded before the claim is settled as sent: wait for that too, with a deadline.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await second.Reviews.GetAsync(reviewId, CancellationToken.None))!.State != ReviewState.Sent && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        // Another sweep (as the recurring job would run) sends nothing more.
        await second.Delivery.SweepAsync(CancellationToken.None);
        Assert.Single(connector.Calls);
        Assert.Equal(ReviewState.Sent, (await second.Reviews.GetAsync(reviewId, CancellationToken.None))!.State);
    }
}
