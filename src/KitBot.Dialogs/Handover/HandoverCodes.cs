using System.Security.Cryptography;
using System.Text;

namespace KitBot.Dialogs.Handover;

/// <summary>
/// One-time codes: eight characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown as two groups of
/// four, valid for <see cref="Lifetime"/>, stored only as a hash. Read forgivingly: any case, with or without the
/// hyphen or spaces.
/// </summary>
public static class HandoverCodes
{
    /// <summary>The characters a code is made of.</summary>
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>How many characters a code has.</summary>
    public const int Length = 8;

    /// <summary>How long a code works after it was given.</summary>
    public static TimeSpan Lifetime { get; } = TimeSpan.FromHours(48);

    /// <summary>A new random code (about 40 bits), in its plain form.</summary>
    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>The code as people see it: <c>ABCD-EFGH</c>.</summary>
    public static string Show(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Length == Length ? code[..4] + "-" + code[4..] : code;
    }

    /// <summary>The plain code <paramref name="typed"/> stands for, or null when it cannot be one.</summary>
    public static string? Read(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        var cleaned = new StringBuilder(Length);
        foreach (var c in typed.Trim().Trim('"', '\'', '.', '`'))
        {
            if (c is '-' or ' ' or '\u2013' or '\u2014')
            {
                continue;
            }

            var upper = char.ToUpperInvariant(c);
            if (!Alphabet.Contains(upper, StringComparison.Ordinal))
            {
                return null;
            }

            cleaned.Append(upper);
        }

        return cleaned.Length == Length ? cleaned.ToString() : null;
    }

    /// <summary>
    /// What is stored instead of the code: its HMAC-SHA256 in hex under <paramref name="key"/>, with the purpose, so a
    /// code for one purpose is never found for the other. The key is the host's secret, never in the database: a copy
    /// of the database alone cannot try every code (there are only about 2^40) against the stored hashes.
    /// </summary>
    public static string Hash(string code, HandoverPurpose purpose, ReadOnlySpan<byte> key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"kitbot-handover\n{purpose}\n{code}")));
}
