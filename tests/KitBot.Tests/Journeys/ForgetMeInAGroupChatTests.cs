using KitBot.Dialogs.Reviews;
using KitBot.Reminders;
using KitBot.Storage;
using KitBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KitBot.Tests.Journeys;

/// <summary>"Forget me" touches only the person who asked, never a conversation they share with colleagues.</summary>
public sealed class ForgetMeInAGroupChatTests : IAsyncLifetime
{
    private const string Alice = "29:alice";
    private const string Bob = "29:bob";
    private FakeTimeProvider _clock = null!;
    private FakeConnector _connector = null!;
    private ReminderHost _host = null!;

    public async Task InitializeAsync()
    {
        _clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 16, 10, 0, 0, TimeSpan.Zero));
        _connector = await FakeConnector.StartAsync();
        _host = await ReminderHost.StartAsync(_clock);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task ForgetMe_ByWhoeverSpokeLastInAGroupChat_LeavesAColleaguesReminderDeliverableThere()
    {
        // The team's group chat was last written in by Alice; Bob's plan reviews are delivered there.
        var team = await _host.AddConversationAsync(_connector, "19:team-chat@thread.v2", Alice, isGroup: true);
        var aliceChat = await _host.AddConversationAsync(_connector, "a:alice-chat", Alice);
        var now = _clock.GetUtcNow();
        var today = _host.Get<ReminderCalendar>().For("Europe/London").LocalDate(now);
        StoredReview Review(string user, string plan, string key) => new(
            StoredReview.NewId(), plan, key, user, ReviewStage.PlacedForAdoption, ReviewKind.Statutory, 1,
            "Statutory review 1 (within 4 weeks of placement)", today, "Europe/London", now, now, ReviewState.Pending);
        var bobs = Review(Bob, "plan-bob", team.Key);
        var alices = Review(Alice, "plan-alice", aliceChat.Key);
        await _host.Reviews.AddAsync([bobs, alices], now, CancellationToken.None);

        var alice = new CardUser(_host, _connector, aliceChat, _clock);
        await alice.TypeAsync("forget me");
        await alice.PressAsync("Yes, delete everything");

        var store = _host.Get<IConversationStore>();
        Assert.Null(await _host.Reviews.GetAsync(alices.Id, CancellationToken.None));
        Assert.Null(await store.GetReferenceAsync(aliceChat.Key, CancellationToken.None));
        Assert.NotNull(await store.GetReferenceAsync(team.Key, CancellationToken.None));

        // Bob's reminder, set up in the team chat, still reaches him (in his 1:1 chat beside it), once.
        Assert.Equal(1, await _host.Delivery.SweepAsync(CancellationToken.None));
        var delivered = Assert.Single(_connector.Calls, c => CardUser.Card(c)?.ToJsonString().Contains("Plan review due", StringComparison.Ordinal) == true);
        Assert.NotEqual(aliceChat.ConversationId, delivered.ConversationId);
        Assert.Equal(ReviewState.Sent, (await _host.Reviews.GetAsync(bobs.Id, CancellationToken.None))!.State);
    }
}
