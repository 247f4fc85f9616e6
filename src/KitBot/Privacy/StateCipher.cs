using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace KitBot.Privacy;

/// <summary>
/// Seals one conversation's state with a <see cref="StateKey"/>: AES-256-GCM, a random 96-bit nonce per save, and the
/// row's key as associated data, so a row copied under another conversation's key does not open. The stored form is
/// <c>enc2:{key id}:{base64 of nonce, tag, ciphertext}</c>.
/// </summary>
public static class StateCipher
{
    public const string Prefix = "enc2:";

    private const int NonceSize = 12;
    private const int TagSize = 16;

    // AesGcm keeps one cipher context and is not safe to share between threads: one per thread, per key.
    [ThreadStatic]
    private static (byte[] Key, AesGcm Aes)? _cached;

    public static string Seal(StateKey key, string rowKey, string json)
    {
        var plainLength = Encoding.UTF8.GetByteCount(json);
        var sealedLength = NonceSize + TagSize + plainLength;
        var buffer = ArrayPool<byte>.Shared.Rent(plainLength + sealedLength);
        try
        {
            var plain = buffer.AsSpan(0, plainLength);
            Encoding.UTF8.GetBytes(json, plain);
            var output = buffer.AsSpan(plainLength, sealedLength);
            var nonce = output[..NonceSize];
            RandomNumberGenerator.Fill(nonce);
            Aes(key).Encrypt(nonce, plain, output[(NonceSize + TagSize)..], output.Slice(NonceSize, TagSize), AssociatedData(rowKey));
            plain.Clear();
            return string.Concat(Prefix, key.Id.ToString(CultureInfo.InvariantCulture), ":", Convert.ToBase64String(output));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The key number a sealed payload names, or null when <paramref name="stored"/> is not one.</summary>
    public static int? KeyId(string stored)
    {
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = stored.IndexOf(':', Prefix.Length);
        return end > Prefix.Length && int.TryParse(stored.AsSpan(Prefix.Length, end - Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
    }

    /// <summary>The state <paramref name="stored"/> holds; a <see cref="CryptographicException"/> if it was altered, moved or sealed with another key.</summary>
    public static string Open(StateKey key, string rowKey, string stored)
    {
        var body = stored.AsSpan(stored.IndexOf(':', Prefix.Length) + 1);
        var buffer = ArrayPool<byte>.Shared.Rent(body.Length * 2);
        try
        {
            if (!Convert.TryFromBase64Chars(body, buffer, out var length) || length < NonceSize + TagSize)
            {
                throw new CryptographicException("The stored state is not a sealed payload.");
            }

            var input = buffer.AsSpan(0, length);
            var plain = buffer.AsSpan(length, length - NonceSize - TagSize);
            Aes(key).Decrypt(input[..NonceSize], input[(NonceSize + TagSize)..], input.Slice(NonceSize, TagSize), plain, AssociatedData(rowKey));
            var json = Encoding.UTF8.GetString(plain);
            plain.Clear();
            return json;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] AssociatedData(string rowKey) => Encoding.UTF8.GetBytes(rowKey);

    private static AesGcm Aes(StateKey key)
    {
        if (_cached is { } cached && ReferenceEquals(cached.Key, key.Bytes))
        {
            return cached.Aes;
        }

        _cached?.Aes.Dispose();
        var aes = new AesGcm(key.Bytes, TagSize);
        _cached = (key.Bytes, aes);
        return aes;
    }
}
