using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KitBot.Channels.Teams;
using KitBot.Testing;
using KitBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using static KitBot.Tests.Support.TeamsActivities;

namespace KitBot.Tests.Channels.Teams;

/// <summary>
/// Time budgets against a connector that answers every call after 12 seconds (on the host's fake clock, which the
/// test moves): Teams' requests are answered within 10 seconds, and every reply is posted once, never again after
/// its attempt timed out.
/// </summary>
public sealed class SlowConnectorTests : IAsyncLifetime
{
    private static readonly TimeSpan ConnectorAnswersAfter = TimeSpan.FromSeconds(12);
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));
    private readonly CapturingLoggerProvider _logs = new();
    private FakeConnector _connector = null!;
    private KitBotServer _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _host = await KitBotServer.StartAsync(
            dataFolder: null,
            port: null,
            configure: services =>
            {
                services.AddSingleton<TimeProvider>(_clock);
                services.AddSingleton<ILoggerProvider>(_logs);
            },
            "Reminders:Hangfire:Server=false",
            $"Teams:Connector:AttemptTimeout={AttemptTimeout}",
            "Teams:Connector:MaxAttempts=4",
            "Teams:AnswerBudget=00:00:08");
        _client = new HttpClient { BaseAddress = new Uri(_host.Url) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        // Lets the connector's pending answers finish, so both servers stop at once.
        _clock.Advance(TimeSpan.FromMinutes(5));
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task InvokeAndMessage_WithAConnectorAnsweringAfter12Seconds_AreAnsweredWithin10Seconds_AndEachReplyIsPostedOnce()
    {
        // What each turn sends when the connector is quick, in a conversation of its own.
        var invokeReplies = await CountRepliesAsync("a:quick-invoke", Invoke("menu.help"));
        var messageReplies = await CountRepliesAsync("a:quick-message", Message("help"));
        Assert.True(invokeReplies >= 1 && messageReplies >= 1);

        _connector.Delay = () => Task.Delay(ConnectorAnswersAfter, _clock);

        var (invokeStatus, invokeBody, invokeWaited) = await SendDrivingTheClockAsync("a:slow-invoke", Invoke("menu.help"));
        Assert.Equal(HttpStatusCode.OK, invokeStatus);
        Assert.True(invokeWaited <= TimeSpan.FromSeconds(10), $"the invoke was answered after {invokeWaited}");
        Assert.Equal(TeamsAdapter.StillWorkingText, JsonNode.Parse(invokeBody)?["value"]?.GetValue<string>());
        // Answered but not finished: the host would wait for it if it stopped now.
        Assert.Equal(1, _host.Get<TurnsInFlight>().Count);
        await ResolveEveryPostAsync("a:slow-invoke", invokeReplies);
        await FakeConnector.WaitUntilAsync(() => _host.Get<TurnsInFlight>().Count == 0, TimeSpan.FromSeconds(20), "the invoke's turn to finish");

        var (messageStatus, _, messageWaited) = await SendDrivingTheClockAsync("a:slow-message", Message("help"));
        Assert.Equal(HttpStatusCode.Accepted, messageStatus);
        Assert.True(messageWaited <= TimeSpan.FromSeconds(10), $"the message was answered after {messageWaited}");
        await ResolveEveryPostAsync("a:slow-message", messageReplies);

        // Each reply posted once: as many posts as the quick connector got, none repeated after its timeout.
        Assert.Equal(invokeReplies, Posts("a:slow-invoke"));
        Assert.Equal(messageReplies, Posts("a:slow-message"));
        Assert.Equal(invokeReplies + messageReplies, Unconfirmed());
    }

    private async Task<int> CountRepliesAsync(string conversation, JsonObject activity)
    {
        using var response = await PostAsync(conversation, activity);
        Assert.True(response.IsSuccessStatusCode);
        return Posts(conversation);
    }

    /// <summary>
    /// Posts an activity while the connector is slow: waits until its first reply reaches the connector (and hangs
    /// there), then moves the clock a second at a time until the request is answered; returns how long that took.
    /// </summary>
    private async Task<(HttpStatusCode Status, string Body, TimeSpan Waited)> SendDrivingTheClockAsync(string conversation, JsonObject activity)
    {
        var started = _clock.GetUtcNow();
        var request = PostAsync(conversation, activity);
        await FakeConnector.WaitUntilAsync(() => Posts(conversation) >= 1 || request.IsCompleted, TimeSpan.FromSeconds(20), "the first reply at the connector");
        await ClockDriver.AdvanceUntilDoneAsync(_clock, request, TimeSpan.FromSeconds(30));

        using var response = await request.WaitAsync(TimeSpan.FromSeconds(20));
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), _clock.GetUtcNow() - started);
    }

    /// <summary>Moves the clock past each pending post's attempt timeout until all of the turn's replies have been posted and resolved.</summary>
    private async Task ResolveEveryPostAsync(string conversation, int replies)
    {
        for (var resolved = 0; resolved < replies; resolved++)
        {
            var before = Unconfirmed();
            await FakeConnector.WaitUntilAsync(() => Posts(conversation) > resolved, TimeSpan.FromSeconds(20), $"reply {resolved + 1} at the connector");
            _clock.Advance(AttemptTimeout);
            await FakeConnector.WaitUntilAsync(() => Unconfirmed() > before, TimeSpan.FromSeconds(20), $"reply {resolved + 1} to time out");
        }
    }

    private int Posts(string conversation) => _connector.Calls.Count(c => c.ConversationId == conversation);

    private int Unconfirmed() => _logs.Lines.Count(l => l.Contains(" Warning ConnectorUnconfirmed:", StringComparison.Ordinal));

    private Task<HttpResponseMessage> PostAsync(string conversation, JsonObject content) =>
        _client.PostAsJsonAsync("/api/messages", TeamsActivities.Personal(_connector.ServiceUrl, conversation, "29:slow-user", content));
}
