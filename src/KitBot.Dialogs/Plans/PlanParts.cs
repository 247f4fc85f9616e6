using System.Text;

namespace KitBot.Dialogs.Plans;

/// <summary>
/// Divides a section too long for one Teams card into parts, at paragraph breaks where it can (then at line breaks,
/// and only for a single line longer than a card, between words). Each part keeps the break that came before it, so
/// the parts join back into exactly the section's text. The split depends only on the text, so a save that names
/// a part of a section at the same revision finds the same part.
/// </summary>
internal static class PlanParts
{
    /// <summary>The most JSON bytes (see <see cref="PlanWriting.JsonBytes"/>) one part may take.</summary>
    public const int Budget = 14_000;

    /// <summary>The parts of <paramref name="text"/>, each within <paramref name="budget"/> bytes; at least one.</summary>
    public static IReadOnlyList<Part> Split(string text, int budget = Budget)
    {
        if (PlanWriting.JsonBytes(text) <= budget)
        {
            return [new Part(text, string.Empty)];
        }

        var parts = new List<Part>();
        foreach (var (paragraph, before) in Pieces(text, "\n\n"))
        {
            var pieces = PlanWriting.JsonBytes(paragraph) <= budget
                ? [(paragraph, string.Empty)]
                : Pieces(paragraph, "\n").SelectMany(line => PlanWriting.JsonBytes(line.Text) <= budget
                    ? [line]
                    : Words(line.Text, budget).Select((w, i) => (w, i == 0 ? line.Before : string.Empty))).ToList();
            var first = true;
            foreach (var (piece, within) in pieces)
            {
                var separator = first ? before : within;
                first = false;
                if (parts.Count > 0 && PlanWriting.JsonBytes(parts[^1].Text + separator + piece) <= budget)
                {
                    parts[^1] = parts[^1] with { Text = parts[^1].Text + separator + piece };
                }
                else
                {
                    parts.Add(new Part(piece, parts.Count == 0 ? string.Empty : separator));
                }
            }
        }

        return parts;
    }

    /// <summary>The section's text with part <paramref name="index"/> (from 0) replaced.</summary>
    public static string Replace(IReadOnlyList<Part> parts, int index, string text)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < parts.Count; i++)
        {
            builder.Append(i == 0 ? string.Empty : parts[i].Before).Append(i == index ? text : parts[i].Text);
        }

        return builder.ToString();
    }

    private static List<(string Text, string Before)> Pieces(string text, string separator) =>
        text.Split(separator).Select((piece, i) => (piece, i == 0 ? string.Empty : separator)).ToList();

    // A single line longer than a card (only a pasted edit can make one): split between words, or anywhere if need be,
    // never inside a surrogate pair. Sizes add up character by character: JSON escapes each one on its own.
    private static IEnumerable<string> Words(string line, int budget)
    {
        var start = 0;
        var size = 0;
        var lastSpace = -1;
        for (var i = 0; i < line.Length; i++)
        {
            var cost = char.IsSurrogate(line[i]) ? 6 : PlanWriting.JsonBytes(line[i].ToString());
            if (size + cost > budget && i > start)
            {
                var cut = lastSpace > start ? lastSpace + 1 : i;
                if (char.IsLowSurrogate(line[cut]) && cut - 1 > start)
                {
                    cut--;
                }

                yield return line[start..cut];
                start = cut;
                size = PlanWriting.JsonBytes(line[start..i]);
                lastSpace = -1;
            }

            size += cost;
            if (line[i] == ' ')
            {
                lastSpace = i;
            }
        }

        yield return line[start..];
    }

    /// <summary>One part of a section, and the break between it and the part before (empty for the first).</summary>
    public sealed record Part(string Text, string Before);
}
