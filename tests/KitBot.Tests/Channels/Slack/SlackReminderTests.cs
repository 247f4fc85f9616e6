using System.Text.Json.Nodes;
using KitBot.Channels.Slack;
using KitBot.Dialogs.Reviews;
using KitBot.Reminders;
using KitBot.Storage;
using KitBot.Tests.Channels.Slack.Support;

namespace KitBot.Tests.Channels.Slack;

/// <summary>
/// Review reminders for practitioners who use KitBot in Slack: delivered by the same <see cref="ReminderDelivery"/> as
/// Teams, as a direct message through the Slack Web API (here the local fake), and answered by the same review actions.
/// </summary>
public sealed class SlackReminderTests(SlackHostFixture fixture) : IClassFixture<SlackHostFixture>
{
    private FakeSlackApi Slack => fixture.Slack;

    private SlackHost Bot => fixture.Bot;

    private async Task<StoredReview> AddDueReviewAsync(string conversationKey, string user)
    {
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var review = new StoredReview(
            StoredReview.NewId(), "plan-slack-" + user, conversationKey, user, ReviewStage.PlacedForAdoption, ReviewKind.Statutory, 1,
            "Statutory review 1", today, "Europe/London", now.AddMinutes(-5), now.AddMinutes(-5), ReviewState.Pending);
        await Bot.Get<IReviewStore>().AddAsync([review], now, CancellationToken.None);
        return review;
    }

    private static JsonObject ButtonWithVerb(JsonArray blocks, string verb) =>
        SlackRequests.Elements(blocks).First(e => e["type"]?.GetValue<string>() == "button"
            && e["value"]?.GetValue<string>() is { } value && value.Contains($"\"verb\":\"{verb}\"", StringComparison.Ordinal));

    [Fact]
    public async Task ADueReview_ArrivesAsADirectMessage_AndMarkReviewed_SchedulesTheNext()
    {
        // The practitioner last talked to KitBot in a shared channel: the reminder still goes to their direct message.
        var channel = SlackSender.Reference(SlackRequests.TeamId, "CREMIND1", "UREMIND1", null, isGroup: true);
        await Bot.Get<IConversationStore>().SaveReferenceAsync(channel, DateTimeOffset.UtcNow, CancellationToken.None);
        var review = await AddDueReviewAsync(channel.Key, "UREMIND1");

        await Bot.Get<ReminderDelivery>().DeliverAsync(review.Id, CancellationToken.None);

        var calls = await Slack.WaitForAsync(cs => cs.Any(c => c.Method == "chat.postMessage" && c.Channel == "DUREMIND1"), "the reminder in the direct message");
        Assert.Contains(calls, c => c.Method == "conversations.open" && c.Body["users"]!.GetValue<string>() == "UREMIND1");
        Assert.DoesNotContain(calls, c => c.Method == "chat.postMessage" && c.Channel == "CREMIND1");
        var reminder = calls.First(c => c.Method == "chat.postMessage" && c.Channel == "DUREMIND1");
        Assert.Equal($"Bearer {SlackRequests.Token}", reminder.Authorization);
        Assert.Contains("Statutory review 1", reminder.Json, StringComparison.Ordinal);
        Assert.Empty(BlockKitLimits.Violations(reminder.Blocks));
        Assert.Equal(ReviewState.Sent, (await Bot.Get<IReviewStore>().GetAsync(review.Id, CancellationToken.None))!.State);

        var done = ButtonWithVerb(reminder.Blocks, ReviewVerbs.Done);
        var seen = Slack.Calls.Count;
        using var response = await Bot.SendAsync(SlackRequests.Interaction(SlackRequests.BlockActions(done, channel: "DUREMIND1", user: "UREMIND1")));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);

        await Slack.WaitForAsync(cs => cs.Skip(seen).Any(c => c.Method == "chat.postMessage" && c.Channel == "DUREMIND1"), "the answer to mark reviewed");
        Assert.Equal(ReviewState.Done, (await Bot.Get<IReviewStore>().GetAsync(review.Id, CancellationToken.None))!.State);
        var next = Assert.Single(await Bot.Get<IReviewStore>().ListOpenAsync("UREMIND1", review.PlanId, CancellationToken.None));
        Assert.Equal((ReviewKind.Statutory, 2), (next.Kind, next.Sequence));
        Assert.True(next.DueDate > review.DueDate);
    }

    [Fact]
    public async Task TypedMyReviews_IsAnsweredByTheHost_WithTheReviewsList()
    {
        var direct = await Bot.Get<SlackSender>().OpenDirectMessageAsync(SlackRequests.TeamId, "UREMIND2", CancellationToken.None);
        await AddDueReviewAsync(direct!.Key, "UREMIND2");

        await Bot.SendAsync(SlackRequests.Event(SlackRequests.DirectMessage("my reviews", channel: "DUREMIND2", user: "UREMIND2")));

        var calls = await Slack.WaitForAsync(cs => cs.Any(c => c.Method == "chat.postMessage" && c.Channel == "DUREMIND2"), "the reviews list");
        var list = calls.First(c => c.Method == "chat.postMessage" && c.Channel == "DUREMIND2");
        Assert.Contains("Statutory review 1", list.Json, StringComparison.Ordinal);
        Assert.Contains("upcoming review", list.Json, StringComparison.Ordinal);
    }
}
