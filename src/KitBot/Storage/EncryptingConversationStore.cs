using KitBot.Conversations;
using Microsoft.AspNetCore.DataProtection;

namespace KitBot.Storage;

/// <summary>
/// Encrypts conversation state (which holds every free-text note and plan) before any store writes it, and
/// decrypts it on load: the one place state meets the disk. Versions pass through untouched, so optimistic
/// concurrency is the inner store's as before.
/// </summary>
public sealed class EncryptingConversationStore(IConversationStore inner, IDataProtectionProvider protection) : IConversationStore
{
    /// <summary>The Data Protection purpose of state: a different purpose cannot decrypt it.</summary>
    public const string Purpose = "KitBot.State";

    // Marks encrypted rows; state saved before encryption (plain JSON, starting with '{') is still read.
    private const string Prefix = "enc1:";

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    public async Task<VersionedState> LoadStateAsync(string key, CancellationToken cancellationToken)
    {
        var stored = await inner.LoadStateAsync(key, cancellationToken);
        return stored.Json is { } json && json.StartsWith(Prefix, StringComparison.Ordinal)
            ? stored with { Json = _protector.Unprotect(json[Prefix.Length..]) }
            : stored;
    }

    public Task<bool> TrySaveStateAsync(string key, string json, long expectedVersion, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.TrySaveStateAsync(key, Prefix + _protector.Protect(json), expectedVersion, now, cancellationToken);

    public Task SaveReferenceAsync(ConversationReference reference, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.SaveReferenceAsync(reference, now, cancellationToken);

    public Task<ConversationReference?> GetReferenceAsync(string key, CancellationToken cancellationToken) =>
        inner.GetReferenceAsync(key, cancellationToken);

    public Task MarkUnreachableAsync(string key, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.MarkUnreachableAsync(key, now, cancellationToken);

    public Task<bool> PingAsync(CancellationToken cancellationToken) => inner.PingAsync(cancellationToken);
}
