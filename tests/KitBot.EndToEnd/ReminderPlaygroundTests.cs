using System.Text.Json.Nodes;
using KitBot.Conversations;
using KitBot.Dialogs.Reviews;
using KitBot.EndToEnd.Support;
using KitBot.Testing;
using KitBot.Reminders;
using KitBot.Storage;

namespace KitBot.EndToEnd;

/// <summary>A plan-review reminder in the Agents Playground: proactive card in, "mark reviewed" back.</summary>
public sealed class ReminderPlaygroundTests : IAsyncLifetime
{
    private KitBotServer _bot = null!;
    private AgentsPlayground _teams = null!;

    public async Task InitializeAsync()
    {
        // Hangfire checks for due scheduled jobs every second here, so the test need not wait 15 s.
        _bot = await KitBotServer.StartAsync(settings: ["Reminders:Hangfire:SchedulePollingInterval=00:00:01"]);
        _teams = await AgentsPlayground.StartAsync(_bot.MessagesUrl);
    }

    public async Task DisposeAsync()
    {
        await _teams.DisposeAsync();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task DueReview_ArrivesAsAProactiveReminderCard_AndMarkReviewedSchedulesTheNext()
    {
        await _teams.InstallAsync();
        await _teams.WaitForAsync(m => m.CardContains("Start a consultation"), what: "with the welcome card");
        var key = ConversationReference.KeyFor("msteams", _teams.PersonalChatId);
        Assert.NotNull(await _bot.Get<IConversationStore>().GetReferenceAsync(key, CancellationToken.None));

        // A review whose reminder time has come, scheduled through Hangfire as confirming dates does.
        var now = _bot.Get<TimeProvider>().GetUtcNow();
        var today = _bot.Get<ReminderCalendar>().For("Europe/London").LocalDate(now);
        var review = new StoredReview(
            StoredReview.NewId(), "plan-e2e", key, _teams.CurrentUserId, ReviewStage.PlacedForAdoption, ReviewKind.Statutory, 1,
            "Statutory review 1 (within 4 weeks of placement)", today, "Europe/London", now, now, ReviewState.Pending);
        await _bot.Get<IReviewStore>().AddAsync([review], now, CancellationToken.None);
        var seen = _teams.Messages.Count;
        _bot.Get<IReminderScheduler>().ScheduleDelivery(review.Id, now);

        var reminder = await _teams.WaitForAsync(m => m.CardContains("Plan review due"), after: seen, what: "with the reminder card");
        Assert.True(reminder.CardContains("review.done") && reminder.CardContains("review.snooze") && reminder.CardContains("review.reschedule"));
        Assert.True(reminder.CardContains("Input.Date"));
        // The card can be on screen a moment before the row is marked sent: poll with a deadline.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await _bot.Get<IReviewStore>().GetAsync(review.Id, CancellationToken.None))!.State != ReviewState.Sent)
        {
            Assert.True(DateTime.UtcNow < deadline, "The review was not marked sent.");
            await Task.Delay(50);
        }

        // Press "Mark reviewed": the data the card's button carries (verb and review id).
        seen = _teams.Messages.Count;
        await _teams.SubmitAsync(reminder, reminder.ActionData(ReviewVerbs.Done));

        await _teams.WaitForAsync(m => m.Text?.StartsWith("Marked reviewed", StringComparison.Ordinal) == true, after: seen, what: "confirming the review");
        var reviews = _bot.Get<IReviewStore>();
        Assert.Equal(ReviewState.Done, (await reviews.GetAsync(review.Id, CancellationToken.None))!.State);
        var next = Assert.Single(await reviews.ListOpenAsync(_teams.CurrentUserId, "plan-e2e", CancellationToken.None));
        Assert.Equal((ReviewKind.Statutory, 2, ReviewState.Pending), (next.Kind, next.Sequence, next.State));
        Assert.Equal(today.AddMonths(3), next.DueDate);

        // Exactly one reminder card reached the chat.
        Assert.Single(_teams.Messages, m => m.CardContains("Plan review due"));
    }
}
