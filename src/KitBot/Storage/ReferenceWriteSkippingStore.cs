using System.Collections.Concurrent;
using KitBot.Conversations;

namespace KitBot.Storage;

/// <summary>
/// Every inbound activity carries its conversation's reference, and nearly always it is the one already stored.
/// This skips the write when this process saved the same reference recently, so a turn costs one write (its
/// state), not two. A reference marked unreachable is written again on the next activity; another instance's
/// mark is picked up within <see cref="Fresh"/>.
/// </summary>
public sealed class ReferenceWriteSkippingStore(IConversationStore inner, TimeProvider time) : IConversationStore
{
    /// <summary>How long a saved reference is trusted without writing it again.</summary>
    public static readonly TimeSpan Fresh = TimeSpan.FromMinutes(5);

    private const int MaxRemembered = 100_000;
    private readonly ConcurrentDictionary<string, (ConversationReference Reference, DateTimeOffset SavedAt)> _saved = new(StringComparer.Ordinal);

    public Task<VersionedState> LoadStateAsync(string key, CancellationToken cancellationToken) =>
        inner.LoadStateAsync(key, cancellationToken);

    public Task<bool> TrySaveStateAsync(string key, string json, long expectedVersion, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.TrySaveStateAsync(key, json, expectedVersion, now, cancellationToken);

    public async Task SaveReferenceAsync(ConversationReference reference, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_saved.TryGetValue(reference.Key, out var known) && known.Reference == reference && time.GetUtcNow() - known.SavedAt < Fresh)
        {
            return;
        }

        await inner.SaveReferenceAsync(reference, now, cancellationToken);
        if (_saved.Count >= MaxRemembered)
        {
            _saved.Clear();
        }

        _saved[reference.Key] = (reference with { Unreachable = false }, time.GetUtcNow());
    }

    public Task<ConversationReference?> GetReferenceAsync(string key, CancellationToken cancellationToken) =>
        inner.GetReferenceAsync(key, cancellationToken);

    public Task MarkUnreachableAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        _saved.TryRemove(key, out _);
        return inner.MarkUnreachableAsync(key, now, cancellationToken);
    }

    public Task<bool> PingAsync(CancellationToken cancellationToken) => inner.PingAsync(cancellationToken);
}
