using System.Collections.Frozen;
using System.Globalization;
using System.Security.Cryptography;
using KitBot.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace KitBot.Privacy;

/// <summary>One AES-256 key that encrypts conversation state, and its number (written into each payload it seals).</summary>
public sealed record StateKey(int Id, byte[] Bytes, DateTimeOffset CreatedAt);

/// <summary>
/// The keys that encrypt conversation state. Each is 32 random bytes, stored in the database (<c>state_key</c>)
/// wrapped by Data Protection, whose key ring is sealed in turn by the key-encryption key outside the database: a copy
/// of the database alone unwraps nothing. Every instance on one database shares the keys. A new key is made when the
/// newest is <see cref="Lifetime"/> old; older keys stay to read the state they sealed (each save re-seals with the
/// newest). Data Protection used directly costs a key derivation, an HMAC and AES-CBC on each load and save, about a
/// tenth of a turn's CPU (docs/benchmarks.md); AES-GCM with a key unwrapped once costs a few microseconds.
/// </summary>
public sealed class StateKeys(StorageConnections connections, IDataProtectionProvider protection, TimeProvider time)
{
    /// <summary>The Data Protection purpose that wraps state keys.</summary>
    public const string Purpose = "KitBot.State.Key";

    /// <summary>How long a key seals new state before the next one is made.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    private readonly IDataProtector _wrapper = protection.CreateProtector(Purpose);
    private readonly SemaphoreSlim _reading = new(1, 1);
    private Known _known = Known.None;

    /// <summary>The key new state is sealed with: the newest, or a new one when the newest has had its time.</summary>
    public async ValueTask<StateKey> CurrentAsync(CancellationToken cancellationToken)
    {
        if (Usable(_known) is { } current)
        {
            return current;
        }

        await ReadAsync(cancellationToken);
        if (Usable(_known) is { } read)
        {
            return read;
        }

        await AddAsync(_known.LastId + 1, cancellationToken);
        await ReadAsync(cancellationToken);
        return Usable(_known) ?? throw new InvalidOperationException("No state key could be stored.");
    }

    /// <summary>
    /// Key <paramref name="id"/>, read from the database if another instance made it since; null if there is none or
    /// it does not unwrap. Keys are numbered upwards, so only a number past the highest read can be new.
    /// </summary>
    public async ValueTask<StateKey?> FindAsync(int id, CancellationToken cancellationToken)
    {
        if (_known.ById.TryGetValue(id, out var key) || id <= _known.LastId)
        {
            return key;
        }

        await ReadAsync(cancellationToken);
        return _known.ById.GetValueOrDefault(id);
    }

    // The newest key, while it is young enough and unwraps: a newest key that does not (the key-encryption key was
    // replaced) is passed over, and a new one is made after it.
    private StateKey? Usable(Known known) =>
        known.ById.TryGetValue(known.LastId, out var newest) && time.GetUtcNow() - newest.CreatedAt < Lifetime ? newest : null;

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        await _reading.WaitAsync(cancellationToken);
        try
        {
            var keys = new Dictionary<int, StateKey>();
            var last = 0;
            await using var connection = await connections.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, wrapped, created_at FROM state_key";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture);
                last = Math.Max(last, id);
                byte[] bytes;
                try
                {
                    bytes = _wrapper.Unprotect(Convert.FromBase64String(reader.GetString(1)));
                }
                catch (Exception e) when (e is CryptographicException or FormatException)
                {
                    // Sealed under a key ring this instance cannot open: the state it sealed cannot be read either.
                    continue;
                }

                keys[id] = new StateKey(id, bytes, DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture)));
            }

            _known = new Known(keys.ToFrozenDictionary(), last);
        }
        finally
        {
            _reading.Release();
        }
    }

    private async Task AddAsync(int id, CancellationToken cancellationToken)
    {
        var wrapped = Convert.ToBase64String(_wrapper.Protect(RandomNumberGenerator.GetBytes(32)));
        using var slot = await connections.EnterWriteAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Two instances rotating at once both try the same number: one key is kept, and both read it back.
        command.CommandText = "INSERT INTO state_key (id, wrapped, created_at) VALUES (@id, @wrapped, @at) ON CONFLICT (id) DO NOTHING";
        command.Add("@id", id);
        command.Add("@wrapped", wrapped);
        command.Add("@at", time.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The keys that unwrap, by number, and the highest number stored (0 for none).</summary>
    private sealed record Known(FrozenDictionary<int, StateKey> ById, int LastId)
    {
        public static readonly Known None = new(FrozenDictionary<int, StateKey>.Empty, 0);
    }
}
