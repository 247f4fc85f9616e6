using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KitBot.Channels.Teams;
using KitBot.Testing;
using KitBot.Tests.Support;
using KitBot.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static KitBot.Tests.Support.TeamsActivities;

namespace KitBot.Tests.Channels.Teams;

/// <summary>
/// Teams:MaxTurnsInFlight at one, with the connector holding the first turn's replies: a second conversation's
/// invoke waits for the slot, is answered "Working on it" at the answer budget (on the host's fake clock, which the
/// test moves) rather than left until Teams gives up, and keeps its place: its replies reach the chat once the first
/// turn lets go of the slot, each posted once.
/// </summary>
public sealed class QueuedTurnBudgetTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private FakeConnector _connector = null!;
    private KitBotServer _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _host = await KitBotServer.StartAsync(
            dataFolder: null,
            port: null,
            configure: services => services.AddSingleton<TimeProvider>(_clock),
            "Reminders:Hangfire:Server=false",
            "Teams:MaxTurnsInFlight=1",
            "Teams:AnswerBudget=00:00:08",
            // Moving the clock past the budget must not time out the held replies too.
            "Teams:Connector:AttemptTimeout=00:05:00");
        _client = new HttpClient { BaseAddress = new Uri(_host.Url) };
    }

    public async Task DisposeAsync()
    {
        _release.TrySetResult();
        _client.Dispose();
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task AnInvokeQueuedBehindAHeldTurn_IsAnsweredAtTheBudget_AndItsRepliesFollowOnceTheSlotIsFree()
    {
        var invokeReplies = await CountRepliesAsync("a:quick", "29:quick-user", Invoke("menu.help"));
        Assert.True(invokeReplies >= 1);
        _connector.Delay = () => _release.Task;
        var gate = _host.Get<TurnGate>();

        var first = PostAsync("a:first", "29:first-user", Message("help"));
        await FakeConnector.WaitUntilAsync(() => Posts("a:first") >= 1, TimeSpan.FromSeconds(20), "the first turn's reply held at the connector");
        var started = _clock.GetUtcNow();
        var second = PostAsync("a:second", "29:second-user", Invoke("menu.help"));
        await FakeConnector.WaitUntilAsync(() => gate.Waiting == 1, TimeSpan.FromSeconds(20), "the second turn waiting for the slot");

        await ClockDriver.AdvanceUntilDoneAsync(_clock, second, TimeSpan.FromSeconds(30));

        using var answer = await second.WaitAsync(TimeSpan.FromSeconds(20));
        var waited = _clock.GetUtcNow() - started;
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.True(waited <= TimeSpan.FromSeconds(10), $"the queued invoke was answered after {waited}");
        Assert.Equal(TeamsAdapter.StillWorkingText, JsonNode.Parse(await answer.Content.ReadAsStringAsync())?["value"]?.GetValue<string>());
        // Answered, not dropped: still in the queue, nothing sent for it yet.
        Assert.Equal(1, gate.Waiting);
        Assert.Equal(0, Posts("a:second"));

        _release.SetResult();
        using var firstAnswer = await first.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(HttpStatusCode.Accepted, firstAnswer.StatusCode);
        await FakeConnector.WaitUntilAsync(() => _host.Get<TurnsInFlight>().Count == 0 && gate.Running == 0 && gate.Waiting == 0,
            TimeSpan.FromSeconds(20), "both turns to finish");
        Assert.Equal(invokeReplies, Posts("a:second"));
    }

    private async Task<int> CountRepliesAsync(string conversation, string user, JsonObject activity)
    {
        using var response = await PostAsync(conversation, user, activity);
        Assert.True(response.IsSuccessStatusCode);
        return Posts(conversation);
    }

    private int Posts(string conversation) => _connector.Calls.Count(c => c.ConversationId == conversation);

    private Task<HttpResponseMessage> PostAsync(string conversation, string user, JsonObject content) =>
        _client.PostAsJsonAsync("/api/messages", TeamsActivities.Personal(_connector.ServiceUrl, conversation, user, content));
}
