using KitBot.Conversations;
using KitBot.Dialogs.Reviews;
using KitBot.Reminders;
using KitBot.Storage;
using KitBot.Testing;
using KitBot.Turns;

namespace KitBot.Tests.Journeys;

/// <summary>
/// A practitioner's review reminders delivered to their team's channel (issue 14): chosen by typing in that channel,
/// posted there as a short note with no case details, opened in the owner's personal chat; a colleague learns nothing
/// of the plan; "send my reviews to me" and a channel KitBot was removed from bring reminders back to the personal chat.
/// </summary>
public sealed class TeamChannelReviewJourneyTests : IAsyncLifetime
{
    private const string User = "29:team-journey-user";
    private const string Colleague = "29:team-colleague";
    private const string TeamChannel = "19:adoption-team@thread.tacv2";
    private TeamsChat _chat = null!;

    public async Task InitializeAsync() => _chat = await TeamsChat.StartAsync("a:team-journey-chat", User);

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    [Fact]
    public async Task SendMyReviewsHere_ReminderInTheChannelWithoutCaseDetails_OwnerOpensItInTheirChat_ColleagueLearnsNothing()
    {
        var first = await PlanWithReviewsAsync();
        var channel = await _chat.Host.AddConversationAsync(_chat.Connector, TeamChannel, User, isGroup: true);
        var inChannel = new CardUser(_chat.Host, _chat.Connector, channel, _chat.Clock);

        // Typed in the team's channel, answered there (it says nothing about a child), and nothing moves to the 1:1 chat.
        await inChannel.TypeAsync("send my reviews here");
        Assert.Equal([ReviewRouting.ToChannelText], inChannel.LatestTexts);
        Assert.DoesNotContain(inChannel.LatestTexts, t => t == TurnProcessor.MovedText);

        var personalBefore = ReminderCards(_chat.Me);
        Assert.Equal(1, await SweepAtAsync(first.RemindAt));

        // The channel gets the short note: who it is for and when it is due; the personal chat gets nothing.
        var notice = Assert.Single(inChannel.Received, c => CardUser.Card(c)?.ToJsonString().Contains("Plan review due", StringComparison.Ordinal) == true);
        var text = CardUser.Card(notice)!.ToJsonString() + " " + notice.Activity["text"];
        Assert.Contains("Pat Practitioner", text, StringComparison.Ordinal);
        Assert.Contains(ReviewCards.Show(first.DueDate), text, StringComparison.Ordinal);
        foreach (var caseDetail in new[] { first.Label, "aged", "Older brother", "Statutory", "statutory", "Start the review", "Mark reviewed" })
        {
            Assert.DoesNotContain(caseDetail, text, StringComparison.Ordinal);
        }

        Assert.Equal(personalBefore, ReminderCards(_chat.Me));
        Assert.Equal(ReviewState.Sent, (await _chat.Host.Reviews.GetAsync(first.Id, CancellationToken.None))!.State);

        // A colleague pressing it hears, in their own chat, that it is someone else's, and nothing about the plan.
        var colleague = new CardUser(_chat.Host, _chat.Connector, channel with { UserId = Colleague }, _chat.Clock);
        await colleague.PressAsync("Open in my chat");
        var colleagueChat = _chat.Connector.Calls.Where(c => c.ConversationId == "personal-" + Colleague).ToList();
        Assert.Equal([ReviewActions.ColleaguesReviewText], colleagueChat.Select(c => c.Activity["text"]?.GetValue<string>()));
        Assert.Equal(ReviewState.Sent, (await _chat.Host.Reviews.GetAsync(first.Id, CancellationToken.None))!.State);

        // The owner presses it: the whole reminder arrives in their personal chat, where they mark it reviewed.
        await inChannel.PressAsync("Open in my chat");
        var personal = (await _chat.Host.Get<IConversationStore>().GetReferenceAsync(ConversationReference.KeyFor("msteams", "personal-" + User), CancellationToken.None))!;
        var me = new CardUser(_chat.Host, _chat.Connector, personal, _chat.Clock);
        Assert.Contains(first.Label, me.LastCard.ToJsonString(), StringComparison.Ordinal);
        await me.PressAsync("Mark reviewed");
        Assert.Contains(me.LatestTexts, t => t.Contains("Marked reviewed", StringComparison.Ordinal));
        Assert.Equal(ReviewState.Done, (await _chat.Host.Reviews.GetAsync(first.Id, CancellationToken.None))!.State);

        // The old note pressed again: a kind word, nothing changes.
        await inChannel.PressAsync("Open in my chat");
        Assert.Contains(ReviewActions.AlreadyDealtWithText, me.Received.Select(c => c.Activity["text"]?.GetValue<string>()));
        Assert.Equal(ReviewState.Done, (await _chat.Host.Reviews.GetAsync(first.Id, CancellationToken.None))!.State);

        // "Send my reviews to me": the next reminder comes to a personal chat, not the channel.
        await _chat.Me.TypeAsync("send my reviews to me");
        Assert.Equal([ReviewRouting.ToPersonalText], _chat.Me.LatestTexts);
        var next = (await _chat.Host.Reviews.ListOpenAsync(User, first.PlanId, CancellationToken.None)).OrderBy(r => r.RemindAt).First();
        var channelNotes = ReminderCards(inChannel);
        Assert.Equal(1, await SweepAtAsync(next.RemindAt));
        Assert.Equal(channelNotes, ReminderCards(inChannel));
        Assert.Contains(_chat.Connector.Calls, c => c.ConversationId != TeamChannel
            && CardUser.Card(c)?.ToJsonString().Contains(next.Label, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task ATeamChannelKitBotWasRemovedFrom_TheReminderStillReachesTheOwnersPersonalChat_Once()
    {
        var first = await PlanWithReviewsAsync();
        var channel = await _chat.Host.AddConversationAsync(_chat.Connector, TeamChannel + ";messageid=1700000000000", User, isGroup: true);
        await new CardUser(_chat.Host, _chat.Connector, channel, _chat.Clock).TypeAsync("send my reviews here");

        // Typed in a thread, the channel itself is what reminders go to; the channel now refuses KitBot.
        _chat.Connector.Respond = (_, conversation) => conversation == TeamChannel ? 403 : 201;
        var personalBefore = ReminderCards(_chat.Me);
        Assert.Equal(1, await SweepAtAsync(first.RemindAt));

        Assert.Single(_chat.Connector.Calls, c => c.ConversationId == TeamChannel && c.Status == 403);
        Assert.Equal(personalBefore + 1, ReminderCards(_chat.Me));
        Assert.Contains(first.Label, _chat.Me.LastCard.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(ReviewState.Sent, (await _chat.Host.Reviews.GetAsync(first.Id, CancellationToken.None))!.State);
        Assert.Equal(0, await SweepAtAsync(first.RemindAt.AddMinutes(5)));
    }

    [Fact]
    public async Task SendMyReviewsHere_InAPersonalChat_KeepsThemThere_AndSaysHowToChooseAChannel()
    {
        await _chat.Me.TypeAsync("send my reviews here");
        Assert.Equal([ReviewRouting.AlreadyPersonalText], _chat.Me.LatestTexts);
        Assert.Null(await _chat.Host.Get<ReviewRouteStore>().GetAsync(User, CancellationToken.None));
    }

    [Fact]
    public async Task ForgetMe_ForgetsTheChosenChannel_ButKeepsTheChannelForColleagues()
    {
        var channel = await _chat.Host.AddConversationAsync(_chat.Connector, TeamChannel, User, isGroup: true);
        await new CardUser(_chat.Host, _chat.Connector, channel, _chat.Clock).TypeAsync("send my reviews here");
        Assert.NotNull(await _chat.Host.Get<ReviewRouteStore>().GetAsync(User, CancellationToken.None));

        await _chat.Me.TypeAsync("forget me");
        await _chat.Me.PressAsync("Yes, delete everything");

        Assert.Null(await _chat.Host.Get<ReviewRouteStore>().GetAsync(User, CancellationToken.None));
        Assert.NotNull(await _chat.Host.Get<IConversationStore>().GetReferenceAsync(channel.Key, CancellationToken.None));
    }

    [Fact]
    public async Task WithTeamChannelsTurnedOff_TheCommandChangesNothing_AndAnEarlierChoiceIsIgnored()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 16, 10, 0, 0, TimeSpan.Zero));
        await using var connector = await Support.FakeConnector.StartAsync();
        await using var host = await Support.ReminderHost.StartAsync(clock, settings: "Reminders:TeamChannels=false");
        var personal = await host.AddConversationAsync(connector, "a:turned-off", User);
        var channel = await host.AddConversationAsync(connector, TeamChannel, User, isGroup: true);
        var inChannel = new CardUser(host, connector, channel, clock);

        await inChannel.TypeAsync("send my reviews here");
        Assert.Equal([ReviewRouting.TurnedOffText], inChannel.LatestTexts);
        Assert.Null(await host.Get<ReviewRouteStore>().GetAsync(User, CancellationToken.None));

        // A choice made before the administrator turned it off: the reminder goes to the personal chat.
        await host.Get<ReviewRouteStore>().SetAsync(new ReviewRoute(User, channel.Key, "Pat Practitioner"), clock.GetUtcNow(), CancellationToken.None);
        var now = clock.GetUtcNow();
        var review = new StoredReview(
            StoredReview.NewId(), "plan-off", personal.Key, User, ReviewStage.PlacedForAdoption, ReviewKind.Statutory, 1,
            "Statutory review 1 (within 4 weeks of placement)", DateOnly.FromDateTime(now.UtcDateTime), "Europe/London", now, now, ReviewState.Pending);
        await host.Reviews.AddAsync([review], now, CancellationToken.None);

        Assert.Equal(1, await host.Delivery.SweepAsync(CancellationToken.None));
        Assert.Single(connector.Calls, c => c.ConversationId == personal.ConversationId && c.CardJson.Contains("Plan review due", StringComparison.Ordinal));
        Assert.DoesNotContain(connector.Calls, c => c.ConversationId == TeamChannel && c.CardJson.Contains("Plan review due", StringComparison.Ordinal));
    }

    private async Task<StoredReview> PlanWithReviewsAsync()
    {
        await ReviewJourneyTests.ConsultAsync(_chat.Me);
        await _chat.Me.TypeAsync("my plans and reviews");
        await _chat.Me.PressAsync("Set up reviews");
        await _chat.Me.PressAsync("Propose dates", new Dictionary<string, string> { ["stage"] = nameof(ReviewStage.PlacedForAdoption), ["start"] = "2026-11-16" });
        await _chat.Me.PressAsync("Save these dates");
        var open = await _chat.Host.Reviews.ListOpenAsync(User, null, CancellationToken.None);
        return open.OrderBy(r => r.RemindAt).First();
    }

    private async Task<int> SweepAtAsync(DateTimeOffset at)
    {
        _chat.Clock.SetUtcNow(at);
        var sent = await _chat.Host.Delivery.SweepAsync(CancellationToken.None);
        _chat.Me.Catch();
        return sent;
    }

    private static int ReminderCards(CardUser user) =>
        user.Received.Count(c => CardUser.Card(c)?.ToJsonString().Contains("Plan review due", StringComparison.Ordinal) == true);
}
