using KitBot.Conversations;

namespace KitBot.Storage;

/// <summary>
/// Every inbound activity carries its conversation's reference, and nearly always it is the one already stored.
/// This reads the stored reference (a primary-key read) and writes only when it differs or is marked unreachable,
/// so a turn costs one write (its state), not two. There is no cache: a mark set by any instance is seen, and
/// cleared, on the very next activity whichever instance receives it; <see cref="IReachabilityListener"/>s then
/// hear that the conversation is reachable again.
/// </summary>
public sealed class ReferenceWriteSkippingStore(IConversationStore inner, IEnumerable<IReachabilityListener>? listeners = null) : IConversationStore, IDisposable
{
    private readonly IReachabilityListener[] _listeners = listeners?.ToArray() ?? [];

    public Task<VersionedState> LoadStateAsync(string key, CancellationToken cancellationToken) =>
        inner.LoadStateAsync(key, cancellationToken);

    public Task<bool> TrySaveStateAsync(string key, string json, long expectedVersion, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.TrySaveStateAsync(key, json, expectedVersion, now, cancellationToken);

    public async Task SaveReferenceAsync(ConversationReference reference, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reachable = reference with { Unreachable = false };
        var stored = await inner.GetReferenceAsync(reference.Key, cancellationToken);
        if (stored == reachable)
        {
            return;
        }

        await inner.SaveReferenceAsync(reachable, now, cancellationToken);
        if (stored is not { Unreachable: true })
        {
            return;
        }

        // Saved first, then told: a delivery that marks the conversation again in between sees the saved reference
        // when it checks after marking (ReminderDelivery), so nothing is left waiting for a conversation that is back.
        try
        {
            foreach (var listener in _listeners)
            {
                await listener.ReachableAgainAsync(reachable, now, cancellationToken);
            }
        }
        catch
        {
            // Put the mark back, so the next activity tries again instead of finding nothing to heal.
            await inner.MarkUnreachableAsync(reference.Key, now, CancellationToken.None);
            throw;
        }
    }

    public Task<ConversationReference?> GetReferenceAsync(string key, CancellationToken cancellationToken) =>
        inner.GetReferenceAsync(key, cancellationToken);

    public Task MarkUnreachableAsync(string key, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.MarkUnreachableAsync(key, now, cancellationToken);

    public Task<bool> PingAsync(CancellationToken cancellationToken) => inner.PingAsync(cancellationToken);

    /// <summary>The host disposes the outermost store; the inner one (the SQLite store keeps connections open) goes with it.</summary>
    public void Dispose() => (inner as IDisposable)?.Dispose();
}
