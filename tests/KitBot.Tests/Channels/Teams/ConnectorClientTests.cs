using System.Text.Json.Nodes;
using KitBot.Channels.Teams;
using KitBot.Conversations;
using KitBot.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KitBot.Tests.Channels.Teams;

/// <summary>
/// <see cref="ConnectorClient"/> against a real HTTP server playing the Bot Framework connector. Retries wait on a
/// fake clock, which the tests advance; what counts is what the server received and what the client returned.
/// </summary>
public sealed class ConnectorClientTests : IAsyncLifetime
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    private readonly TimerWatchingTimeProvider _time = new();
    private readonly ListLogger<ConnectorClient> _logger = new();
    private readonly FakeConnectorTokenProvider _tokens = new();
    private readonly ConnectorOptions _retry = new()
    {
        MaxAttempts = 3,
        BaseDelay = TimeSpan.FromSeconds(1),
        MaxDelay = TimeSpan.FromSeconds(4),
        AttemptTimeout = AttemptTimeout,
        TotalBudget = TimeSpan.FromSeconds(60),
    };

    private ScriptedHttpServer _server = null!;

    public async Task InitializeAsync() => _server = await ScriptedHttpServer.StartAsync(_time);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Send_When429WithRetryAfter_WaitsThatLongThenDeliversOnce()
    {
        _server.Enqueue(ScriptedHttpServer.Respond(429, """{"error":{"code":"Throttled"}}""", ("Retry-After", "1")));

        var result = await _time.RunAsync(Client().SendAsync(Reference(), Message("hello"), default));

        Assert.Equal(new ConnectorResult(ConnectorOutcome.Sent, "activity-1", 201), result);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal(1, _server.Succeeded);
        Assert.Equal(TimeSpan.FromSeconds(1), _server.Requests[1].ArrivedAt - _server.Requests[0].ArrivedAt);
        Assert.Equal([TimeSpan.FromSeconds(1)], _time.Delays);
    }

    [Fact]
    public async Task Send_When429WithRetryAfterAsDate_WaitsUntilThatTime()
    {
        var until = _time.GetUtcNow().AddSeconds(5).ToString("R");
        _server.Enqueue(ScriptedHttpServer.Respond(429, null, ("Retry-After", until)));

        var result = await _time.RunAsync(Client().SendAsync(Reference(), Message("hello"), default));

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        Assert.Equal(1, _server.Succeeded);
        Assert.Equal(TimeSpan.FromSeconds(5), _server.Requests[1].ArrivedAt - _server.Requests[0].ArrivedAt);
    }

    [Fact]
    public async Task Send_When429WithoutRetryAfter_BacksOffWithinTheFirstStepAndDeliversOnce()
    {
        _server.Enqueue(ScriptedHttpServer.Respond(429));

        var result = await _time.RunAsync(Client().SendAsync(Reference(), Message("hello"), default));

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal(1, _server.Succeeded);
        // Full jitter: the first retry waits somewhere between nothing and the base delay.
        var waited = _server.Requests[1].ArrivedAt - _server.Requests[0].ArrivedAt;
        Assert.InRange(waited, TimeSpan.Zero, _retry.BaseDelay);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(502)]
    [InlineData(504)]
    [InlineData(412)]
    public async Task Send_WhenTransientError_RetriesAndDeliversOnce(int status)
    {
        _server.Enqueue(ScriptedHttpServer.Respond(status, """{"error":{"code":"ServiceError"}}"""));

        var result = await _time.RunAsync(Client().SendAsync(Reference(), Message("hello"), default));

        Assert.Equal(new ConnectorResult(ConnectorOutcome.Sent, "activity-1", 201), result);
        Assert.Equal([status, 201], _server.Requests.Select(r => r.Status));
        Assert.Equal(1, _server.Succeeded);
    }

    [Fact]
    public async Task Send_When403MessageWritesBlocked_IsUnreachableAfterOneRequest()
    {
        _server.Enqueue(ScriptedHttpServer.Respond(403, """{"error":{"code":"MessageWritesBlocked","message":"Thread is blocked"}}"""));

        var result = await _time.RunAsync(Client().SendAsync(Reference(), Message("hello"), default));

        Assert.Equal(new ConnectorResult(ConnectorOutcome.Unreachable, null, 403), result);
        Assert.Single(_server.Requests);
        Assert.Empty(_time.Delays);
        Assert.Contains(_logger.Entries, e => e.EventId.Id == 2004 && e.Message.Contains("MessageWritesBlocked"));
    }

    [Fact]
    public async Task Send_When404_IsUnreachableAfterOneRequest()
    {
        _server.Enqueue(ScriptedHttpServer.Respond(404, """{"error":{"code":"ConversationNotFound"}}"""));

        var result = await _time.RunAsync(Client().SendAsync(Reference(), Message("hello"), default));

        Assert.Equal(new ConnectorResult(ConnectorOutcome.Unreachable, null, 404), result);
        Assert.Single(_server.Requests);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(413)]
    [InlineData(500)]
    public async Task Send_WhenOtherError_FailsAfterOneRequest(int status)
    {
        _server.Enqueue(ScriptedHttpServer.Respond(status, """{"error":{"code":"BadArgument"}}"""));

        var result = await _time.RunAsync(Client().SendAsync(Reference(), Message("hello"), default));

        Assert.Equal(new ConnectorResult(ConnectorOutcome.Failed, null, status), result);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Send_WhenRetriesRunOut_FailsAfterMaxAttempts()
    {
        _server.Fallback = ScriptedHttpServer.Respond(503);

        var result = await _time.RunAsync(Client().SendAsync(Reference(), Message("hello"), default));

        Assert.Equal(new ConnectorResult(ConnectorOutcome.Failed, null, 503), result);
        Assert.Equal(_retry.MaxAttempts, _server.Requests.Count);
        Assert.Equal(0, _server.Succeeded);
        Assert.Contains(_logger.Entries, e => e.EventId.Id == 2102 && e.Level == LogLevel.Error);
        // Exponential ceilings with full jitter: at most 1 s, then at most 2 s.
        Assert.Collection(_time.Delays,
            d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromSeconds(1)),
            d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task Send_WhenRetryAfterIsBeyondTheBudget_FailsWithoutWaiting()
    {
        _server.Enqueue(ScriptedHttpServer.Respond(429, null, ("Retry-After", "3600")));
        var start = _time.GetUtcNow();

        var result = await _time.RunAsync(Client().SendAsync(Reference(), Message("hello"), default));

        Assert.Equal(new ConnectorResult(ConnectorOutcome.Failed, null, 429), result);
        Assert.Single(_server.Requests);
        Assert.Equal(start, _time.GetUtcNow());
        Assert.Contains(_logger.Entries, e => e.EventId.Id == 2103);
    }

    [Fact]
    public async Task Send_WhenAnAttemptTimesOutAfterThePostWentOut_IsNotPostedAgain_AndSaysSo()
    {
        // A slow connector usually has the message: posting it again would show it twice.
        _server.Enqueue(ScriptedHttpServer.Hang());

        var call = Client().SendAsync(Reference(), Message("hello"), default);
        await _server.WaitForRequestsAsync(1);
        _time.Advance(AttemptTimeout);
        var result = await _time.RunAsync(call);

        Assert.Equal(ConnectorOutcome.Unconfirmed, result.Outcome);
        Assert.Single(_server.Requests);
        Assert.Contains(_logger.Entries, e => e.EventId.Id == 2107);
    }

    [Fact]
    public async Task Update_WhenAnAttemptTimesOut_RetriesAndReplacesOnce()
    {
        // A PUT replaces the same message however often it arrives: retrying it is safe.
        _server.Enqueue(ScriptedHttpServer.Hang());

        var call = Client().UpdateAsync(Reference(), "activity-1", Message("hello"), default);
        await _server.WaitForRequestsAsync(1);
        _time.Advance(AttemptTimeout);
        var result = await _time.RunAsync(call);

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal(1, _server.Succeeded);
    }

    [Fact]
    public async Task Send_WhenTheConnectionDrops_RetriesAndDeliversOnce()
    {
        _server.Enqueue(ScriptedHttpServer.DropConnection());

        var result = await _time.RunAsync(Client().SendAsync(Reference(), Message("hello"), default));

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal(1, _server.Succeeded);
    }

    [Fact]
    public async Task Send_WhenCallerCancelsDuringBackoff_Throws()
    {
        _server.Fallback = ScriptedHttpServer.Respond(503);
        using var cancel = new CancellationTokenSource();

        var call = Client().SendAsync(Reference(), Message("hello"), cancel.Token);
        await _server.WaitForRequestsAsync(1);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Send_WhenOver28KB_SendsNothingAndLogsAnError()
    {
        var result = await Client().SendAsync(Reference(), Message(new string('x', 29 * 1024)), default);

        Assert.Equal(new ConnectorResult(ConnectorOutcome.TooLarge), result);
        Assert.Empty(_server.Requests);
        Assert.Contains(_logger.Entries, e => e.EventId.Id == 2003 && e.Level == LogLevel.Error);
    }

    [Fact]
    public async Task Send_JustUnder28KB_IsSent()
    {
        var result = await Client().SendAsync(Reference(), Message(new string('x', 27 * 1024)), default);

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Send_WhenAnonymous_SendsNoToken()
    {
        var result = await Client(appId: "").SendAsync(Reference(), Message("hello"), default);

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        Assert.Null(Assert.Single(_server.Requests).Authorization);
        Assert.Equal(0, _tokens.Requests);
    }

    [Fact]
    public async Task Send_WithAppId_SendsTheBearerTokenAndTheActivity()
    {
        var result = await Client().SendAsync(Reference("19:abc@thread.skype;messageid=7"), Message("hello"), default);

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v3/conversations/19%3Aabc%40thread.skype%3Bmessageid%3D7/activities", request.Target);
        Assert.Equal("Bearer token-1", request.Authorization);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("message", (string?)body["type"]);
        Assert.Equal("hello", (string?)body["text"]);
    }

    [Fact]
    public async Task Send_When401_RefreshesTheTokenOnceAndRetries()
    {
        _server.Enqueue(ScriptedHttpServer.Respond(401));

        var result = await _time.RunAsync(Client().SendAsync(Reference(), Message("hello"), default));

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], _server.Requests.Select(r => r.Authorization));
        Assert.Equal(1, _tokens.ForcedRefreshes);
        Assert.Equal(1, _server.Succeeded);
    }

    [Fact]
    public async Task Send_When401Twice_FailsWithoutFurtherRefresh()
    {
        _server.Fallback = ScriptedHttpServer.Respond(401);

        var result = await _time.RunAsync(Client().SendAsync(Reference(), Message("hello"), default));

        Assert.Equal(new ConnectorResult(ConnectorOutcome.Failed, null, 401), result);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal(1, _tokens.ForcedRefreshes);
    }

    [Fact]
    public async Task Send_When401Anonymous_FailsWithoutRetry()
    {
        _server.Fallback = ScriptedHttpServer.Respond(401);

        var result = await _time.RunAsync(Client(appId: "").SendAsync(Reference(), Message("hello"), default));

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Send_WhenNoTokenCanBeHad_FailsWithoutSending()
    {
        _tokens.Failure = new ConnectorTokenException("invalid_client", isTransient: false);

        var result = await _time.RunAsync(Client().SendAsync(Reference(), Message("hello"), default));

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Empty(_server.Requests);
        Assert.Equal(1, _tokens.Requests);
        Assert.Contains(_logger.Entries, e => e.Message.Contains("invalid_client"));
    }

    [Fact]
    public async Task Send_WhenTheTokenServiceIsDown_RetriesThenFails()
    {
        _tokens.Failure = new ConnectorTokenException("service_not_available", isTransient: true);

        var result = await _time.RunAsync(Client().SendAsync(Reference(), Message("hello"), default));

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Empty(_server.Requests);
        Assert.Equal(_retry.MaxAttempts, _tokens.Requests);
    }

    [Fact]
    public async Task Send_WithAppId_RefusesToSendATokenOverPlainHttpToAnotherMachine()
    {
        var reference = Reference() with { ServiceUrl = "http://connector.example.com/" };

        var result = await Client().SendAsync(reference, Message("hello"), default);

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Equal(0, _tokens.Requests);
        Assert.Contains(_logger.Entries, e => e.EventId.Id == 2105);
    }

    [Fact]
    public async Task Update_PutsTheActivityAtItsId()
    {
        _server.Fallback = ScriptedHttpServer.Respond(200, """{"id":"1:card"}""");

        var result = await Client().UpdateAsync(Reference(), "1:card", Message("refreshed"), default);

        Assert.Equal(new ConnectorResult(ConnectorOutcome.Sent, "1:card", 200), result);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/v3/conversations/a%3Aconversation/activities/1%3Acard", request.Target);
    }

    [Fact]
    public async Task Send_WhenTheConnectorAnswersWithoutABody_IsSentWithoutId()
    {
        _server.Fallback = ScriptedHttpServer.Respond(202);

        var result = await Client().SendAsync(Reference(), Message("hello"), default);

        Assert.Equal(new ConnectorResult(ConnectorOutcome.Sent, null, 202), result);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task CreateConversation_PostsBotMemberAndTenant_AndReturnsTheNewId()
    {
        _server.Fallback = ScriptedHttpServer.Respond(201, """{"id":"a:new-chat","activityId":"1","serviceUrl":"https://smba.example/emea/"}""");

        var result = await _time.RunAsync(Client().CreateConversationAsync(_server.BaseUri.ToString(), "28:bot", "29:user", "tenant-1", default));

        Assert.Equal(new CreateConversationResult(ConnectorOutcome.Sent, "a:new-chat", "https://smba.example/emea/", 201), result);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v3/conversations", request.Target);
        Assert.Equal("Bearer token-1", request.Authorization);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"bot":{"id":"28:bot"},"members":[{"id":"29:user"}],"channelData":{"tenant":{"id":"tenant-1"}}}"""),
            JsonNode.Parse(request.Body)));
    }

    [Fact]
    public async Task CreateConversation_When429_RetriesAndCreatesOnce()
    {
        _server.Enqueue(ScriptedHttpServer.Respond(429, null, ("Retry-After", "2")));
        _server.Fallback = ScriptedHttpServer.Respond(201, """{"id":"a:new-chat"}""");

        var result = await _time.RunAsync(Client().CreateConversationAsync(_server.BaseUri.ToString(), "28:bot", "29:user", "tenant-1", default));

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        Assert.Equal("a:new-chat", result.ConversationId);
        Assert.Equal(_server.BaseUri.ToString(), result.ServiceUrl);
        Assert.Equal(1, _server.Succeeded);
    }

    [Fact]
    public async Task CreateConversation_When403_IsUnreachable()
    {
        _server.Fallback = ScriptedHttpServer.Respond(403, """{"error":{"code":"BotNotInConversationRoster"}}""");

        var result = await _time.RunAsync(Client().CreateConversationAsync(_server.BaseUri.ToString(), "28:bot", "29:user", "tenant-1", default));

        Assert.Equal(new CreateConversationResult(ConnectorOutcome.Unreachable, StatusCode: 403), result);
        Assert.Single(_server.Requests);
    }

    private ConnectorClient Client(string appId = "app-id") => new(
        new HttpClient { Timeout = Timeout.InfiniteTimeSpan },
        _tokens,
        Options.Create(new TeamsOptions { AppId = appId, AppPassword = "secret", TenantId = "tenant-1" }),
        Options.Create(_retry),
        _time,
        _logger);

    private ConversationReference Reference(string conversationId = "a:conversation") => new(
        ConversationReference.KeyFor("msteams", conversationId), "msteams", conversationId,
        _server.BaseUri.ToString(), "29:user", "28:bot", "tenant-1", IsGroup: false);

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text, TextFormat = "plain" };
}
