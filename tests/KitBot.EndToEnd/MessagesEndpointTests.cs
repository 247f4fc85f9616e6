using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using KitBot.Conversations;
using KitBot.Dialogs.Engine;
using KitBot.EndToEnd.Support;
using KitBot.Testing;
using KitBot.Storage;

namespace KitBot.EndToEnd;

/// <summary><c>POST /api/messages</c> over a real socket: bad input, concurrency and restarts.</summary>
public sealed class MessagesEndpointTests : IAsyncLifetime
{
    private RecordingConnector _connector = null!;
    private KitBotServer _bot = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnector.StartAsync();
        _bot = await KitBotServer.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_bot.Url) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    public static TheoryData<string, string, HttpStatusCode, string> BadBodies => new()
    {
        { "not JSON", "hello there", HttpStatusCode.BadRequest, "not a JSON" },
        { "empty body", "", HttpStatusCode.BadRequest, "not a JSON" },
        { "a JSON array", "[1,2,3]", HttpStatusCode.BadRequest, "not a JSON" },
        { "a JSON string", "\"message\"", HttpStatusCode.BadRequest, "not a JSON" },
        { "no type", """{"conversation":{"id":"c-bad"},"from":{"id":"u"},"serviceUrl":"http://127.0.0.1:9/"}""", HttpStatusCode.BadRequest, "'type'" },
        { "no conversation", """{"type":"message","text":"hi","from":{"id":"u"},"serviceUrl":"http://127.0.0.1:9/"}""", HttpStatusCode.BadRequest, "conversation.id" },
        { "no serviceUrl", """{"type":"message","text":"hi","from":{"id":"u"},"conversation":{"id":"c-bad"}}""", HttpStatusCode.BadRequest, "serviceUrl" },
        { "a relative serviceUrl", """{"type":"message","text":"hi","from":{"id":"u"},"conversation":{"id":"c-bad"},"serviceUrl":"/x"}""", HttpStatusCode.BadRequest, "serviceUrl" },
        { "no from", """{"type":"message","text":"hi","conversation":{"id":"c-bad"},"serviceUrl":"http://127.0.0.1:9/"}""", HttpStatusCode.BadRequest, "from.id" },
        { "a wrongly typed field", """{"type":"message","text":{"a":1},"from":{"id":"u"},"conversation":{"id":"c-bad"},"serviceUrl":"http://127.0.0.1:9/"}""", HttpStatusCode.BadRequest, "not a JSON" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task MalformedActivity_Gets400WithAProblem_StoresNothing_AndTheHostKeepsServing(string _, string body, HttpStatusCode expected, string problem)
    {
        using var response = await PostAsync(body);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(problem, await response.Content.ReadAsStringAsync());
        await AssertNothingStoredAsync("c-bad");
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task OneMegabyteBody_IsRefused_StoresNothing()
    {
        var text = new string('x', 1024 * 1024);
        using var response = await PostAsync(Activity("c-big", text).ToJsonString());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertNothingStoredAsync("c-big");
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task UnknownActivityType_IsAcknowledgedAndIgnored()
    {
        var activity = Activity("c-unknown", "hi");
        activity["type"] = "somethingNew";
        activity["futureField"] = new JsonObject { ["nested"] = true };

        using var response = await PostAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await AssertNothingStoredAsync("c-unknown");
        Assert.Empty(_connector.Received);
    }

    [Fact]
    public async Task GetOnTheEndpoint_Is405()
    {
        using var response = await _http.GetAsync("/api/messages");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task TwentySimultaneousTurns_OnOneConversation_LoseNoUpdate()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PostAsync(Activity("c-busy", "help").ToJsonString())));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var state = await StateAsync("c-busy");
        Assert.Equal(20, state.TurnCount);
        Assert.Equal(20, _connector.Received.Count(r => r.ConversationId == "c-busy"));
    }

    [Fact]
    public async Task StateWrittenBeforeARestart_IsThereAfterIt()
    {
        using (var first = await PostAsync(Activity("c-restart", "help").ToJsonString()))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        }

        await _bot.DisposeAsync();
        _bot = await KitBotServer.StartAsync(_bot.DataFolder);
        _http.Dispose();
        _http = new HttpClient { BaseAddress = new Uri(_bot.Url) };

        Assert.Equal(1, (await StateAsync("c-restart")).TurnCount);
        using var second = await PostAsync(Activity("c-restart", "help").ToJsonString());
        Assert.Equal(2, (await StateAsync("c-restart")).TurnCount);
    }

    [Fact]
    public async Task ActivityFromATenantNotConfigured_GetsNoReply_AndChangesNothing()
    {
        await using var strict = await KitBotServer.StartAsync(settings: "Teams:AllowedTenants:0=tenant-ours");
        using var http = new HttpClient { BaseAddress = new Uri(strict.Url) };
        var theirs = Activity("c-tenant", "help");
        theirs["conversation"]!["tenantId"] = "tenant-theirs";
        var ours = Activity("c-tenant-ours", "help");
        ours["conversation"]!["tenantId"] = "tenant-ours";

        using var refused = await http.PostAsync("/api/messages", new StringContent(theirs.ToJsonString(), Encoding.UTF8, "application/json"));
        using var served = await http.PostAsync("/api/messages", new StringContent(ours.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, served.StatusCode);
        Assert.DoesNotContain(_connector.Received, r => r.ConversationId == "c-tenant");
        Assert.Contains(_connector.Received, r => r.ConversationId == "c-tenant-ours");
        Assert.Null(await strict.Get<IConversationStore>().GetReferenceAsync("msteams:c-tenant", CancellationToken.None));
    }

    [Fact]
    public async Task Health_IsLiveAndReady_WithSecurityHeaders()
    {
        using var live = await _http.GetAsync("/health/live");
        using var ready = await _http.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal("nosniff", ready.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", ready.Headers.GetValues("X-Frame-Options").Single());
    }

    private JsonObject Activity(string conversationId, string text) => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString(),
        ["channelId"] = "msteams",
        ["serviceUrl"] = _connector.ServiceUrl,
        ["from"] = new JsonObject { ["id"] = "user-1" },
        ["recipient"] = new JsonObject { ["id"] = "bot-1" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal" },
        ["text"] = text,
    };

    private Task<HttpResponseMessage> PostAsync(string body) =>
        _http.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

    private async Task<ConversationState> StateAsync(string conversationId)
    {
        var stored = await _bot.Get<IConversationStore>().LoadStateAsync($"msteams:{conversationId}:user-1", CancellationToken.None);
        return ConversationStateSerializer.Deserialize(stored.Json);
    }

    private async Task AssertNothingStoredAsync(string conversationId)
    {
        var store = _bot.Get<IConversationStore>();
        Assert.Null(await store.GetReferenceAsync(ConversationReference.KeyFor("msteams", conversationId), CancellationToken.None));
        Assert.Equal(0, (await store.LoadStateAsync($"msteams:{conversationId}:user-1", CancellationToken.None)).Version);
        Assert.Empty(_connector.Received);
    }

    private async Task AssertStillServingAsync()
    {
        using var live = await _http.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using var ok = await PostAsync(Activity("c-after", "help").ToJsonString());
        Assert.Equal(HttpStatusCode.Accepted, ok.StatusCode);
        Assert.Contains(_connector.Received, r => r.ConversationId == "c-after");
    }
}
