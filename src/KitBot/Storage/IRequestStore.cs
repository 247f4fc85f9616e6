using KitBot.Requests;

namespace KitBot.Storage;

/// <summary>
/// Consultation requests. Every change is one conditional UPDATE on the state it expects, so when consultants
/// race (two clicks on "I'll take it"), the database decides and exactly one wins.
/// </summary>
public interface IRequestStore
{
    /// <summary>Inserts a request; false (nothing written) when its id or reference is already taken.</summary>
    Task<bool> AddAsync(StoredRequest request, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Finds a request by id.</summary>
    Task<StoredRequest?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Takes an open request for a consultant; false when it was no longer open.</summary>
    Task<bool> TryClaimAsync(string id, string userId, string displayName, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Gives a claimed request back (only by whoever claimed it), with its next raise time; false when that did not hold.</summary>
    Task<bool> ReleaseAsync(string id, string userId, DateTimeOffset raiseAt, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Closes a claimed request (only by whoever claimed it); false when that did not hold.</summary>
    Task<bool> CloseAsync(string id, string userId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records where the request's card is in the consultants' channel.</summary>
    Task SetChannelMessageAsync(string id, string channelKey, string messageId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Marks an open, due request as raised again and sets the next raise time; false when it was not open and due (a second run).</summary>
    Task<bool> MarkRaisedAsync(string id, DateTimeOffset nextRaiseAt, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Marks the practitioner told that nobody has taken it; false when it was taken, closed, not due or already told.</summary>
    Task<bool> MarkNoticedAsync(string id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The practitioner's requests still open or claimed, newest first (to spot a double click or a retry).</summary>
    Task<IReadOnlyList<StoredRequest>> ListActiveAsync(string userId, CancellationToken cancellationToken);

    /// <summary>The open requests, oldest first.</summary>
    Task<IReadOnlyList<StoredRequest>> ListOpenAsync(int limit, CancellationToken cancellationToken);

    /// <summary>The requests a consultant has taken and not closed.</summary>
    Task<IReadOnlyList<StoredRequest>> ListClaimedByAsync(string userId, CancellationToken cancellationToken);

    /// <summary>The conversation an administrator chose as the consultants' channel, if any.</summary>
    Task<string?> GetChannelAsync(CancellationToken cancellationToken);

    /// <summary>Stores the consultants' channel chosen by an administrator.</summary>
    Task SetChannelAsync(string conversationKey, string setBy, DateTimeOffset now, CancellationToken cancellationToken);
}
