using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KitBot.Testing;
using KitBot.Tests.Support;
using KitBot.Turns;

namespace KitBot.Tests.Channels.Teams;

/// <summary>
/// Teams:MaxTurnsInFlight: with the connector holding every reply, a burst of six conversations has only two turns
/// sending at once (the connector sees two conversations, never a third); the other four wait, and every one is
/// answered with its replies once the connector lets go.
/// </summary>
public sealed class TurnBoundTests : IAsyncLifetime
{
    private const int Bound = 2;
    private const int Burst = 6;

    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private FakeConnector _connector = null!;
    private KitBotServer _host = null!;
    private HttpClient _client = null!;
    private int _sending;
    private int _mostSending;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _host = await KitBotServer.StartAsync(null, null, "Reminders:Hangfire:Server=false", $"Teams:MaxTurnsInFlight={Bound}");
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
    public async Task ABurstOfSixConversations_WithTheBoundAtTwo_HasAtMostTwoTurnsSendingAtOnce_AndAllAreAnswered()
    {
        _connector.Delay = async () =>
        {
            var now = Interlocked.Increment(ref _sending);
            InterlockedMax(ref _mostSending, now);
            await _release.Task;
            Interlocked.Decrement(ref _sending);
        };

        var requests = Enumerable.Range(0, Burst).Select(i => PostAsync($"a:burst-{i}", $"29:burst-user-{i}")).ToList();
        var gate = _host.Get<TurnGate>();

        // All six have arrived: two run (each holding its first reply at the connector), four wait.
        await FakeConnector.WaitUntilAsync(() => gate.Running == Bound && gate.Waiting == Burst - Bound && Volatile.Read(ref _sending) == Bound,
            TimeSpan.FromSeconds(20), "two turns at the connector and four waiting");
        Assert.Equal(Bound, _connector.Calls.Select(c => c.ConversationId).Distinct().Count());

        _release.SetResult();
        var responses = await Task.WhenAll(requests).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.Equal(Burst, _connector.Calls.Where(c => c.Status is >= 200 and < 300).Select(c => c.ConversationId).Distinct().Count());
        Assert.True(_mostSending <= Bound, $"{_mostSending} turns were at the connector at once");
        Assert.Equal(0, gate.Running);
        Assert.Equal(0, gate.Waiting);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private Task<HttpResponseMessage> PostAsync(string conversation, string user) =>
        _client.PostAsJsonAsync("/api/messages", TeamsActivities.Personal(_connector.ServiceUrl, conversation, user, TeamsActivities.Message("help")));
}
