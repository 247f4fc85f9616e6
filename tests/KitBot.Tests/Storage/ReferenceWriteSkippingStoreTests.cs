using KitBot.Conversations;
using KitBot.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KitBot.Tests.Storage;

public sealed class ReferenceWriteSkippingStoreTests : IDisposable
{
    private static readonly ConversationReference Chat = new("msteams:c1", "msteams", "c1", "https://smba.example/uk/", "u1", "bot", "t1", false);

    private readonly string _folder = Directory.CreateTempSubdirectory("kitbot-refs-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    private readonly CountingStore _counted;
    private readonly ReferenceWriteSkippingStore _store;

    public ReferenceWriteSkippingStoreTests()
    {
        var sqlite = new SqliteConversationStore(Options.Create(new StorageOptions { Sqlite = { Path = Path.Combine(_folder, "kitbot.db") } }));
        _counted = new CountingStore(sqlite);
        _store = new ReferenceWriteSkippingStore(_counted);
    }

    [Fact]
    public async Task SameReference_AgainLater_IsWrittenOnce()
    {
        await _store.SaveReferenceAsync(Chat, _clock.GetUtcNow(), CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(3));
        await _store.SaveReferenceAsync(Chat, _clock.GetUtcNow(), CancellationToken.None);

        Assert.Equal(1, _counted.ReferenceWrites);
        Assert.Equal(Chat, await _store.GetReferenceAsync(Chat.Key, CancellationToken.None));
    }

    [Fact]
    public async Task ChangedReference_IsWrittenAgain()
    {
        await _store.SaveReferenceAsync(Chat, _clock.GetUtcNow(), CancellationToken.None);
        await _store.SaveReferenceAsync(Chat with { ServiceUrl = "https://smba.example/emea/" }, _clock.GetUtcNow(), CancellationToken.None);
        await _store.SaveReferenceAsync(Chat with { ServiceUrl = "https://smba.example/emea/" }, _clock.GetUtcNow(), CancellationToken.None);

        Assert.Equal(2, _counted.ReferenceWrites);
        Assert.Equal("https://smba.example/emea/", (await _store.GetReferenceAsync(Chat.Key, CancellationToken.None))!.ServiceUrl);
    }

    [Fact]
    public async Task MarkSetByAnotherInstance_IsClearedOnTheVeryNextActivity_AndTheListenerHearsOnce()
    {
        var listener = new RecordingListener();
        var thisInstance = new ReferenceWriteSkippingStore(_counted, [listener]);
        var otherInstance = new ReferenceWriteSkippingStore(
            new SqliteConversationStore(Options.Create(new StorageOptions { Sqlite = { Path = Path.Combine(_folder, "kitbot.db") } })));
        await thisInstance.SaveReferenceAsync(Chat, _clock.GetUtcNow(), CancellationToken.None);

        await otherInstance.MarkUnreachableAsync(Chat.Key, _clock.GetUtcNow(), CancellationToken.None);
        await thisInstance.SaveReferenceAsync(Chat, _clock.GetUtcNow(), CancellationToken.None);
        await thisInstance.SaveReferenceAsync(Chat, _clock.GetUtcNow(), CancellationToken.None);

        Assert.False((await otherInstance.GetReferenceAsync(Chat.Key, CancellationToken.None))!.Unreachable);
        Assert.Equal([Chat.Key], listener.Heard);
    }

    [Fact]
    public async Task ListenerThatFails_LeavesTheMark_SoTheNextActivityTriesAgain()
    {
        var listener = new RecordingListener { FailOnce = true };
        var store = new ReferenceWriteSkippingStore(_counted, [listener]);
        await store.SaveReferenceAsync(Chat, _clock.GetUtcNow(), CancellationToken.None);
        await store.MarkUnreachableAsync(Chat.Key, _clock.GetUtcNow(), CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.SaveReferenceAsync(Chat, _clock.GetUtcNow(), CancellationToken.None));
        Assert.True((await store.GetReferenceAsync(Chat.Key, CancellationToken.None))!.Unreachable);

        await store.SaveReferenceAsync(Chat, _clock.GetUtcNow(), CancellationToken.None);
        Assert.False((await store.GetReferenceAsync(Chat.Key, CancellationToken.None))!.Unreachable);
        Assert.Equal([Chat.Key, Chat.Key], listener.Heard);
    }

    [Fact]
    public async Task UnreachableConversation_WritingAgain_ClearsTheMark()
    {
        await _store.SaveReferenceAsync(Chat, _clock.GetUtcNow(), CancellationToken.None);
        await _store.MarkUnreachableAsync(Chat.Key, _clock.GetUtcNow(), CancellationToken.None);
        Assert.True((await _store.GetReferenceAsync(Chat.Key, CancellationToken.None))!.Unreachable);

        await _store.SaveReferenceAsync(Chat, _clock.GetUtcNow(), CancellationToken.None);

        Assert.False((await _store.GetReferenceAsync(Chat.Key, CancellationToken.None))!.Unreachable);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private sealed class RecordingListener : IReachabilityListener
    {
        public bool FailOnce { get; set; }

        public List<string> Heard { get; } = [];

        public Task ReachableAgainAsync(ConversationReference reference, DateTimeOffset now, CancellationToken cancellationToken)
        {
            Heard.Add(reference.Key);
            if (FailOnce)
            {
                FailOnce = false;
                throw new InvalidOperationException("the reviews table is unavailable");
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>Counts reference writes that reach the real store.</summary>
    private sealed class CountingStore(IConversationStore inner) : IConversationStore
    {
        public int ReferenceWrites { get; private set; }

        public Task<VersionedState> LoadStateAsync(string key, CancellationToken cancellationToken) => inner.LoadStateAsync(key, cancellationToken);

        public Task<bool> TrySaveStateAsync(string key, string json, long expectedVersion, DateTimeOffset now, CancellationToken cancellationToken) =>
            inner.TrySaveStateAsync(key, json, expectedVersion, now, cancellationToken);

        public Task SaveReferenceAsync(ConversationReference reference, DateTimeOffset now, CancellationToken cancellationToken)
        {
            ReferenceWrites++;
            return inner.SaveReferenceAsync(reference, now, cancellationToken);
        }

        public Task<ConversationReference?> GetReferenceAsync(string key, CancellationToken cancellationToken) => inner.GetReferenceAsync(key, cancellationToken);

        public Task MarkUnreachableAsync(string key, DateTimeOffset now, CancellationToken cancellationToken) => inner.MarkUnreachableAsync(key, now, cancellationToken);

        public Task<bool> PingAsync(CancellationToken cancellationToken) => inner.PingAsync(cancellationToken);
    }
}
