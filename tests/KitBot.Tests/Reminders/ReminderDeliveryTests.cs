using KitBot.Dialogs.Reviews;
using KitBot.Reminders;
using KitBot.Storage;
using static KitBot.Tests.Reminders.ReminderScenario;

namespace KitBot.Tests.Reminders;

/// <summary>Delivery on a fake clock, counted at a fake connector on a real Kestrel server.</summary>
public sealed class ReminderDeliveryTests
{
    [Fact]
    public async Task Reminder_ForReviewsSetUpInATeamsChannel_GoesToThePractitionersOneToOneChat()
    {
        await using var s = await StartAsync("2025-06-16T08:30:00Z");
        await s.Host.AddConversationAsync(s.Connector, "19:team-channel@thread.tacv2", User, isGroup: true);
        var review = await s.AddReviewAsync("2025-06-16", conversation: "19:team-channel@thread.tacv2");

        Assert.Equal(DeliveryOutcome.Sent, await s.Host.Delivery.DeliverAsync(review.Id, CancellationToken.None));

        var call = Assert.Single(s.Connector.Calls);
        Assert.Equal($"personal-{User}", call.ConversationId);
        Assert.NotNull(await s.Host.Get<IConversationStore>().GetReferenceAsync($"msteams:personal-{User}", CancellationToken.None));
    }

    [Fact]
    public async Task Reminder_DueAtAWeekend_ArrivesAtMondays0930Slot_Once()
    {
        await using var s = await StartAsync("2025-06-13T12:00:00Z");   // Friday
        var review = await s.AddReviewAsync("2025-06-14");               // Saturday

        Assert.Equal(0, await s.SweepAtAsync("2025-06-14T09:00:00Z"));
        Assert.Equal(0, await s.SweepAtAsync("2025-06-16T08:29:59Z"));  // Monday 09:29:59 BST
        Assert.Equal(1, await s.SweepAtAsync("2025-06-16T08:30:00Z"));  // Monday 09:30 BST
        Assert.Equal(0, await s.SweepAtAsync("2025-06-16T12:00:00Z"));

        var call = Assert.Single(s.Connector.Calls);
        Assert.Equal(Conversation, call.ConversationId);
        Assert.Equal("application/vnd.microsoft.card.adaptive", call.Activity["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.Contains("Statutory review 1", call.Activity["summary"]!.GetValue<string>());
        Assert.Contains("review.done", call.CardJson);
        Assert.Equal(ReviewState.Sent, (await s.ReviewAsync(review.Id)).State);
    }

    [Fact]
    public async Task Deliver_RunTwentyTimesAtOnce_SendsOnce()
    {
        await using var s = await StartAsync("2025-06-16T08:30:00Z");
        var review = await s.AddReviewAsync("2025-06-16");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => s.Host.Delivery.DeliverAsync(review.Id, CancellationToken.None))));

        Assert.Equal(1, outcomes.Count(o => o == DeliveryOutcome.Sent));
        Assert.Single(s.Connector.Calls);
    }

    [Fact]
    public async Task CrashBetweenClaimAndSend_IsDeliveredOnceAfterTheLease()
    {
        await using var s = await StartAsync("2025-06-16T08:30:00Z", "Reminders:Lease=00:05:00");
        var review = await s.AddReviewAsync("2025-06-16");
        // A delivery claims the review and dies before sending.
        Assert.NotNull(await s.Host.Reviews.TryClaimAsync(review.Id, s.Clock.GetUtcNow(), s.Clock.GetUtcNow().AddMinutes(5), CancellationToken.None));

        Assert.Equal(0, await s.SweepAtAsync("2025-06-16T08:34:59Z"));
        Assert.Empty(s.Connector.Calls);
        Assert.Equal(1, await s.SweepAtAsync("2025-06-16T08:35:01Z"));
        Assert.Equal(0, await s.SweepAtAsync("2025-06-16T09:00:00Z"));
        Assert.Single(s.Connector.Calls);
    }

    [Fact]
    public async Task Connector429ThenSuccess_DeliversOnce()
    {
        await using var s = await StartAsync("2025-06-16T08:30:00Z", "Reminders:FirstRetryDelay=00:01:00");
        s.Connector.Respond = (n, _) => n == 0 ? 429 : 201;
        var review = await s.AddReviewAsync("2025-06-16");

        Assert.Equal(DeliveryOutcome.Retrying, await s.Host.Delivery.DeliverAsync(review.Id, CancellationToken.None));
        var retrying = await s.ReviewAsync(review.Id);
        Assert.Equal(ReviewState.Pending, retrying.State);
        Assert.True(retrying.RemindAt > s.Clock.GetUtcNow());

        Assert.Equal(0, await s.SweepAtAsync("2025-06-16T08:30:30Z"));   // backing off
        Assert.Equal(1, await s.SweepAtAsync("2025-06-16T08:32:00Z"));
        Assert.Equal(0, await s.SweepAtAsync("2025-06-16T10:00:00Z"));

        Assert.Equal([429, 201], s.Connector.Calls.Select(c => c.Status));
        Assert.Single(s.Connector.Delivered);
        Assert.Equal(ReviewState.Sent, (await s.ReviewAsync(review.Id)).State);
    }

    [Fact]
    public async Task ConnectorAlways429_GivesUpAfterMaxAttempts_NotForever()
    {
        await using var s = await StartAsync("2025-06-16T08:30:00Z", "Reminders:MaxAttempts=3", "Reminders:FirstRetryDelay=00:01:00");
        s.Connector.Respond = (_, _) => 429;
        var review = await s.AddReviewAsync("2025-06-16");

        for (var hour = 8; hour < 16; hour++)
        {
            await s.SweepAtAsync($"2025-06-16T{hour:00}:45:00Z");
        }

        Assert.Equal(3, s.Connector.Calls.Count);
        Assert.Equal(ReviewState.Failed, (await s.ReviewAsync(review.Id)).State);
    }

    [Fact]
    public async Task Connector403_MarksTheReferenceUnreachable_SendsOnce_AndShowsUndeliverable()
    {
        await using var s = await StartAsync("2025-06-16T08:30:00Z");
        s.Connector.Respond = (_, _) => 403;
        var reviews = new List<StoredReview>();
        for (var i = 0; i < 5; i++)
        {
            reviews.Add(await s.AddReviewAsync("2025-06-16", sequence: i + 1));
        }

        await s.SweepAtAsync("2025-06-16T08:30:00Z");
        await s.SweepAtAsync("2025-06-17T08:30:00Z");
        await s.SweepAtAsync("2025-07-16T08:30:00Z");

        Assert.Single(s.Connector.Calls);
        var reference = await s.Host.Get<IConversationStore>().GetReferenceAsync($"msteams:{Conversation}", CancellationToken.None);
        Assert.True(reference!.Unreachable);
        foreach (var review in reviews)
        {
            Assert.Equal(ReviewState.Undeliverable, (await s.ReviewAsync(review.Id)).State);
        }

        var list = Assert.IsType<KitBot.Dialogs.Turns.CardReply>(Assert.Single((await s.TypeAsync("my reviews"))!));
        Assert.Equal(ReviewCards.MyReviewsTemplate, list.Template);
        Assert.All(list.Data["reviews"]!.AsArray(), r => Assert.True(r!["undeliverable"]!.GetValue<bool>()));
        Assert.All(list.Data["reviews"]!.AsArray(), r => Assert.StartsWith("Could not be delivered", r!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ReviewForAConversationWithNoReference_IsUndeliverable_WithoutSending()
    {
        await using var s = await StartAsync("2025-06-16T08:30:00Z");
        var review = await s.AddReviewAsync("2025-06-16", conversation: "never-seen");

        await s.SweepAtAsync("2025-06-16T08:30:00Z");

        Assert.Empty(s.Connector.Calls);
        Assert.Equal(ReviewState.Undeliverable, (await s.ReviewAsync(review.Id)).State);
    }
}
