using KitBot.Conversations;
using KitBot.Privacy;
using Microsoft.AspNetCore.DataProtection;

namespace KitBot.Storage;

/// <summary>
/// Encrypts conversation state (which holds every free-text note and plan) before any store writes it, and
/// decrypts it on load: the one place state meets the disk. State is sealed with the newest <see cref="StateKeys"/>
/// key (<see cref="StateCipher"/>); rows sealed earlier with Data Protection itself (<c>enc1:</c>) and plain JSON from
/// before encryption are still read, and re-sealed on their next save. Versions pass through untouched, so optimistic
/// concurrency is the inner store's as before.
/// </summary>
public sealed class EncryptingConversationStore(IConversationStore inner, IDataProtectionProvider protection, StateKeys keys) : IConversationStore, IDisposable
{
    /// <summary>The Data Protection purpose of state sealed before <see cref="StateKeys"/> (<c>enc1:</c> rows).</summary>
    public const string Purpose = "KitBot.State";

    private const string DataProtectionPrefix = "enc1:";

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    public async Task<VersionedState> LoadStateAsync(string key, CancellationToken cancellationToken)
    {
        var stored = await inner.LoadStateAsync(key, cancellationToken);
        if (stored.Json is not { } json)
        {
            return stored;
        }

        if (StateCipher.KeyId(json) is { } id)
        {
            var stateKey = await keys.FindAsync(id, cancellationToken)
                ?? throw new System.Security.Cryptography.CryptographicException($"State key {id} is not in the database, or does not unwrap with this key ring.");
            return stored with { Json = StateCipher.Open(stateKey, key, json) };
        }

        return json.StartsWith(DataProtectionPrefix, StringComparison.Ordinal)
            ? stored with { Json = _protector.Unprotect(json[DataProtectionPrefix.Length..]) }
            : stored;
    }

    public async Task<bool> TrySaveStateAsync(string key, string json, long expectedVersion, DateTimeOffset now, CancellationToken cancellationToken) =>
        await inner.TrySaveStateAsync(key, StateCipher.Seal(await keys.CurrentAsync(cancellationToken), key, json), expectedVersion, now, cancellationToken);

    public Task SaveReferenceAsync(ConversationReference reference, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.SaveReferenceAsync(reference, now, cancellationToken);

    public Task<ConversationReference?> GetReferenceAsync(string key, CancellationToken cancellationToken) =>
        inner.GetReferenceAsync(key, cancellationToken);

    public Task MarkUnreachableAsync(string key, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.MarkUnreachableAsync(key, now, cancellationToken);

    public Task<bool> PingAsync(CancellationToken cancellationToken) => inner.PingAsync(cancellationToken);

    /// <summary>The host disposes the outermost store; the inner one (the SQLite store keeps connections open) goes with it.</summary>
    public void Dispose() => (inner as IDisposable)?.Dispose();
}
