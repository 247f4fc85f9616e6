using KitBot.Conversations;

namespace KitBot.Storage;

/// <summary>
/// KitBot's storage for conversations: state with optimistic concurrency, and references for proactive
/// messages. SQLite is the embedded default; PostgreSQL implements the same interface.
/// </summary>
public interface IConversationStore
{
    /// <summary>Loads a conversation's state JSON and its version (0 and null when there is none yet).</summary>
    Task<VersionedState> LoadStateAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Saves state only if the stored version still equals <paramref name="expectedVersion"/>; returns false
    /// (and writes nothing) when another turn saved first.
    /// </summary>
    Task<bool> TrySaveStateAsync(string key, string json, long expectedVersion, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Inserts or refreshes a conversation reference (clears the unreachable mark).</summary>
    Task SaveReferenceAsync(ConversationReference reference, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Finds a conversation reference by its key.</summary>
    Task<ConversationReference?> GetReferenceAsync(string key, CancellationToken cancellationToken);

    /// <summary>Marks a reference unreachable after the channel answered 403 or 404.</summary>
    Task MarkUnreachableAsync(string key, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>True when the store answers a trivial query.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken);
}

/// <summary>A conversation's stored state and the version it was saved at.</summary>
public sealed record VersionedState(string? Json, long Version);
