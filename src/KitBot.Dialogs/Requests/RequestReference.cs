namespace KitBot.Dialogs.Requests;

/// <summary>The short reference people quote for a request: KIT- and four characters that cannot be misread.</summary>
public static class RequestReference
{
    // No 0/O, 1/I/L, U: read aloud over the phone without confusion.
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A reference from four random bytes (the host supplies them; the core stays deterministic).</summary>
    public static string From(ReadOnlySpan<byte> random)
    {
        if (random.Length < 4)
        {
            throw new ArgumentException("Four random bytes are needed.", nameof(random));
        }

        Span<char> chars = stackalloc char[4];
        for (var i = 0; i < 4; i++)
        {
            chars[i] = Alphabet[random[i] % Alphabet.Length];
        }

        return "KIT-" + new string(chars);
    }
}
