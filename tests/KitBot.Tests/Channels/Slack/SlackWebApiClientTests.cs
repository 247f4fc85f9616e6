using System.Text.Json.Nodes;
using KitBot.Channels.Slack;
using KitBot.Tests.Channels.Slack.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KitBot.Tests.Channels.Slack;

/// <summary>The Web API client against a local fake Slack: errors with their codes, 429 retries on the clock, per-channel pacing.</summary>
public sealed class SlackWebApiClientTests : IAsyncLifetime
{
    private readonly WatchedTime _time = new(new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000)));
    private FakeSlackApi _slack = null!;
    private HttpClient _http = null!;
    private SlackWebApiClient _client = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_slack.ApiBaseUrl) };
        var options = Options.Create(new SlackOptions { MessageBurst = 3, MessageInterval = TimeSpan.FromSeconds(1), MaxRetries = 2 });
        _client = new SlackWebApiClient(_http, new SlackChannelPacer(options, _time), options, _time, NullLogger<SlackWebApiClient>.Instance);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _slack.DisposeAsync();
    }

    private static SlackMessage Message(string text) =>
        new(text, [new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = text } }]);

    [Fact]
    public async Task PostMessage_SendsTheTokenChannelAndBlocks_AndReturnsTheTs()
    {
        var ts = await _client.PostMessageAsync("xoxb-abc", "D1", Message("hello"), "1700000000.000001", CancellationToken.None);

        var call = Assert.Single(_slack.Calls);
        Assert.Equal("chat.postMessage", call.Method);
        Assert.Equal("Bearer xoxb-abc", call.Authorization);
        Assert.Equal("D1", call.Channel);
        Assert.Equal("1700000000.000001", call.Body["thread_ts"]!.GetValue<string>());
        Assert.Equal("hello", call.Blocks[0]!["text"]!["text"]!.GetValue<string>());
        Assert.Equal("1700000000.000001", ts);
    }

    [Fact]
    public async Task OkFalse_IsThrownWithSlacksErrorCode()
    {
        _slack.Script("chat.postMessage", 200, new JsonObject { ["ok"] = false, ["error"] = "channel_not_found" });

        var e = await Assert.ThrowsAsync<SlackApiException>(() => _client.PostMessageAsync("xoxb-abc", "CGONE", Message("x"), null, CancellationToken.None));

        Assert.Equal(("chat.postMessage", "channel_not_found", true), (e.Method, e.Error, e.IsUnreachable));
    }

    [Fact]
    public async Task TheOtherMethods_CallSlackAndReadTheAnswer()
    {
        var channel = await _client.OpenConversationAsync("xoxb-abc", "UALICE", CancellationToken.None);
        await _client.UpdateMessageAsync("xoxb-abc", channel, "1700000000.000009", Message("updated"), CancellationToken.None);
        var view = await _client.OpenViewAsync("xoxb-abc", "trigger-1", new JsonObject { ["type"] = "modal" }, CancellationToken.None);

        Assert.Equal("DUALICE", channel);
        Assert.NotNull(view);
        Assert.Equal(["conversations.open", "chat.update", "views.open"], _slack.Calls.Select(c => c.Method));
        Assert.Equal("UALICE", _slack.Calls[0].Body["users"]!.GetValue<string>());
        Assert.Equal("1700000000.000009", _slack.Calls[1].Body["ts"]!.GetValue<string>());
        Assert.Equal("trigger-1", _slack.Calls[2].Body["trigger_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task RateLimited_IsRetriedAfterRetryAfter_OnTheInjectedClock()
    {
        _slack.Script("chat.postMessage", 429, new JsonObject { ["ok"] = false, ["error"] = "ratelimited" }, retryAfter: "30");

        var post = _client.PostMessageAsync("xoxb-abc", "D1", Message("x"), null, CancellationToken.None);
        // The client now waits on a timer of the fake clock: nothing happens until 30 s have passed on it.
        await _time.WaitForTimersAsync(1);
        _time.Fake.Advance(TimeSpan.FromSeconds(29));

        Assert.False(post.IsCompleted);
        Assert.Single(_slack.Calls);

        _time.Fake.Advance(TimeSpan.FromSeconds(1));
        await _slack.WaitForAsync(calls => calls.Count == 2, "the retry after Retry-After");
        Assert.NotNull(await post.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task RateLimitedPastTheRetries_IsThrownAsRatelimited()
    {
        for (var i = 0; i < 3; i++)
        {
            _slack.Script("chat.postMessage", 429, new JsonObject { ["ok"] = false }, retryAfter: "1");
        }

        var post = _client.PostMessageAsync("xoxb-abc", "D1", Message("x"), null, CancellationToken.None);
        for (var retry = 1; retry <= 2; retry++)
        {
            await _time.WaitForTimersAsync(retry);
            _time.Fake.Advance(TimeSpan.FromSeconds(1));
        }

        var e = await Assert.ThrowsAsync<SlackApiException>(() => post);
        Assert.Equal("ratelimited", e.Error);
        Assert.Equal(3, _slack.Calls.Count);
    }

    [Fact]
    public async Task PostMessage_IsPacedPerChannel_AfterAShortBurst()
    {
        var posts = Enumerable.Range(1, 5).Select(i => _client.PostMessageAsync("xoxb-abc", "DBUSY", Message($"m{i}"), null, CancellationToken.None)).ToList();
        var other = _client.PostMessageAsync("xoxb-abc", "DQUIET", Message("other"), null, CancellationToken.None);

        // The burst of three and the other channel go at once; the fourth and fifth wait a second each.
        await _slack.WaitForAsync(calls => calls.Count == 4, "the burst and the other channel");
        await Task.WhenAll(posts.Take(3).Append(other));
        Assert.Equal(3, _slack.Calls.Count(c => c.Channel == "DBUSY"));
        Assert.False(posts[3].IsCompleted);

        _time.Fake.Advance(TimeSpan.FromSeconds(1));
        await _slack.WaitForAsync(calls => calls.Count == 5, "the fourth after a second");
        Assert.False(posts[4].IsCompleted);

        _time.Fake.Advance(TimeSpan.FromSeconds(1));
        await _slack.WaitForAsync(calls => calls.Count == 6, "the fifth after another second");
        await Task.WhenAll(posts).WaitAsync(TimeSpan.FromSeconds(10));
        // The burst went out concurrently (any order); the paced ones in order after it.
        var order = _slack.Calls.Where(c => c.Channel == "DBUSY").Select(c => c.Body["text"]!.GetValue<string>()).ToList();
        Assert.Equal(["m1", "m2", "m3"], order.Take(3).Order());
        Assert.Equal(["m4", "m5"], order.Skip(3));
    }

    [Fact]
    public async Task Deduplicator_RemembersAnEventIdForItsWindow()
    {
        var path = Path.Combine(Path.GetTempPath(), "kitbot-tests", $"{Guid.NewGuid():N}.db");
        var storage = Options.Create(new KitBot.Storage.StorageOptions { Sqlite = { Path = path } });
        using var services = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(new Microsoft.Extensions.DependencyInjection.ServiceCollection());
        var dedupe = new SlackEventDeduplicator(Options.Create(new SlackOptions { DeduplicationWindow = TimeSpan.FromMinutes(10) }), _time,
            new KitBot.Storage.StorageConnections(storage, services));

        Assert.True(await dedupe.TryBeginAsync("Ev1", CancellationToken.None));
        Assert.False(await dedupe.TryBeginAsync("Ev1", CancellationToken.None));
        _time.Fake.Advance(TimeSpan.FromMinutes(11));
        Assert.True(await dedupe.TryBeginAsync("Ev1", CancellationToken.None));
    }
}
