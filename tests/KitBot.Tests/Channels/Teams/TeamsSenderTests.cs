using System.Text.Json.Nodes;
using KitBot.Cards;
using KitBot.Channels.Teams;
using KitBot.Conversations;
using KitBot.Dialogs.Turns;
using KitBot.Storage;
using KitBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace KitBot.Tests.Channels.Teams;

/// <summary>
/// <see cref="TeamsSender"/> with the real connector client, a real HTTP server as the connector and the real
/// SQLite store in a temporary folder.
/// </summary>
public sealed class TeamsSenderTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kitbot-sender-").FullName;
    private readonly TimerWatchingTimeProvider _time = new();
    private ScriptedHttpServer _server = null!;
    private SqliteConversationStore _store = null!;
    private ConversationReference _reference = null!;

    public async Task InitializeAsync()
    {
        _server = await ScriptedHttpServer.StartAsync(_time);
        _store = new SqliteConversationStore(Options.Create(new StorageOptions { Sqlite = { Path = Path.Combine(_folder, "kitbot.db") } }));
        _reference = new ConversationReference(
            ConversationReference.KeyFor("msteams", "a:chat"), "msteams", "a:chat", _server.BaseUri.ToString(),
            "29:user", "28:bot", "tenant-1", IsGroup: false);
        await _store.SaveReferenceAsync(_reference, _time.GetUtcNow(), default);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Send_When403MessageWritesBlocked_MarksTheConversationUnreachable_AndStops()
    {
        _server.Fallback = ScriptedHttpServer.Respond(403, """{"error":{"code":"MessageWritesBlocked","message":"Thread is blocked"}}""");

        var outcome = await _time.RunAsync(Sender().SendAsync(_reference, [new RenderedText("one"), new RenderedText("two")], null, default));

        Assert.Equal(ConnectorOutcome.Unreachable, outcome);
        Assert.Single(_server.Requests);
        Assert.True((await _store.GetReferenceAsync(_reference.Key, default))!.Unreachable);
    }

    [Fact]
    public async Task Send_When404_MarksTheConversationUnreachable()
    {
        _server.Fallback = ScriptedHttpServer.Respond(404, """{"error":{"code":"ConversationNotFound"}}""");

        var outcome = await _time.RunAsync(Sender().SendAsync(_reference, [new RenderedText("one")], null, default));

        Assert.Equal(ConnectorOutcome.Unreachable, outcome);
        Assert.True((await _store.GetReferenceAsync(_reference.Key, default))!.Unreachable);
    }

    [Fact]
    public async Task Send_WhenThrottledThenAccepted_DeliversEveryReplyOnceInOrder_AndLeavesTheConversationReachable()
    {
        _server.Enqueue(ScriptedHttpServer.Respond(429, null, ("Retry-After", "1")));

        var outcome = await _time.RunAsync(Sender().SendAsync(_reference, [new RenderedText("one"), new RenderedText("two")], null, default));

        Assert.Equal(ConnectorOutcome.Sent, outcome);
        Assert.Equal(["one", "two"], _server.Requests.Where(r => r.Status == 201).Select(r => (string?)JsonNode.Parse(r.Body)!["text"]));
        Assert.False((await _store.GetReferenceAsync(_reference.Key, default))!.Unreachable);
    }

    [Fact]
    public async Task Send_WhenRetriesRunOut_FailsWithoutMarkingTheConversation()
    {
        _server.Fallback = ScriptedHttpServer.Respond(503);

        var outcome = await _time.RunAsync(Sender().SendAsync(_reference, [new RenderedText("one")], null, default));

        Assert.Equal(ConnectorOutcome.Failed, outcome);
        Assert.False((await _store.GetReferenceAsync(_reference.Key, default))!.Unreachable);
    }

    private TeamsSender Sender()
    {
        var connector = new ConnectorClient(
            new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, new FakeConnectorTokenProvider(),
            Options.Create(new TeamsOptions()), Options.Create(new ConnectorOptions()), _time, new ListLogger<ConnectorClient>());
        return new TeamsSender(connector, _store, _time, new ListLogger<TeamsSender>());
    }

    // These tests send text only; the card engine is never asked to expand anything.
    private sealed class CopyTemplateEngine : ICardTemplateEngine
    {
        public JsonNode? Expand(JsonNode template, JsonNode? data) => template.DeepClone();
    }
}
