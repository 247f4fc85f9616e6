using System.Globalization;
using System.Text;
using System.Text.Json;

namespace KitBot.Dialogs.Plans;

/// <summary>Small pieces of plain-prose writing and measuring the plan needs.</summary>
internal static class PlanWriting
{
    /// <summary>
    /// How many bytes <paramref name="text"/> takes inside JSON as the channels send it (System.Text.Json's default
    /// escaping: every character outside ASCII, and characters such as apostrophes, become six-byte escapes). This is
    /// what counts against Teams' 28 KB message limit, so every size decision uses it.
    /// </summary>
    public static int JsonBytes(string text)
    {
        try
        {
            return JsonEncodedText.Encode(text).EncodedUtf8Bytes.Length;
        }
        catch (ArgumentException)
        {
            // Broken UTF-16 (a lone surrogate) cannot be encoded at all; count the worst case rather than fail.
            return text.Length * 6;
        }
    }

    /// <summary>"To build or keep a relationship" becomes "to build or keep a relationship", to sit inside a sentence.</summary>
    public static string InSentence(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1])
            ? char.ToLower(text[0], CultureInfo.InvariantCulture) + text[1..]
            : text;

    /// <summary>Like <see cref="InSentence"/>, and "A one-off meeting" becomes "a one-off meeting" too.</summary>
    public static string Lower(string text) =>
        text.StartsWith("A ", StringComparison.Ordinal) || text.StartsWith("An ", StringComparison.Ordinal) ? "a" + text[1..] : InSentence(text);

    /// <summary>"A", "A and B", "A, B and C".</summary>
    public static string List(IReadOnlyList<string> items, string and) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " " + and + " " + items[^1],
    };

    /// <summary>Like <see cref="List"/>, but items that hold commas are kept apart with semicolons, so the list still reads.</summary>
    public static string Series(IReadOnlyList<string> items, string and) =>
        items.Any(i => i.Contains(',', StringComparison.Ordinal)) && items.Count > 1
            ? string.Join("; ", items.Take(items.Count - 1)) + "; " + and + " " + items[^1]
            : List(items, and);

    /// <summary>Sentences joined with single spaces, each ending with a full stop.</summary>
    public static string Sentences(IEnumerable<string> sentences) =>
        string.Join(" ", sentences.Select(s => s.TrimEnd()).Where(s => s.Length > 0).Select(s => s[^1] is '.' or '!' or '?' ? s : s + "."));

    /// <summary>
    /// Text as typed in a card, made safe to keep: line breaks become line feeds, control characters (which cannot
    /// go into a Word document) and broken surrogate pairs (which cannot go into JSON) are dropped, and the ends of
    /// lines are trimmed.
    /// </summary>
    public static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        for (var i = 0; i < normalised.Length; i++)
        {
            var c = normalised[i];
            if (char.IsHighSurrogate(c) && i + 1 < normalised.Length && char.IsLowSurrogate(normalised[i + 1]))
            {
                builder.Append(c).Append(normalised[++i]);
            }
            else if (!char.IsSurrogate(c) && (c == '\n' || c == '\t' || !char.IsControl(c)))
            {
                builder.Append(c);
            }
        }

        return string.Join('\n', builder.ToString().Split('\n').Select(line => line.TrimEnd())).Trim();
    }
}
