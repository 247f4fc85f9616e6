using System.Text;

namespace KitBot.Channels.Teams;

/// <summary>Plain prose as Teams markdown that shows exactly the same words, with its line breaks kept.</summary>
public static class MarkdownText
{
    private const string Special = "\\`*_[]<>#|~";

    /// <summary>
    /// Escapes every character markdown could read as formatting and makes each line break a paragraph break
    /// (markdown joins single line breaks), so pasted-from prose keeps its paragraphs.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 16);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                builder.Append("\n\n");
            }

            var line = lines[i];
            // A list marker or heading only counts at the start of a line.
            var start = line.TrimStart();
            if (start.StartsWith("- ", StringComparison.Ordinal) || start.StartsWith("+ ", StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            foreach (var c in line)
            {
                if (Special.Contains(c, StringComparison.Ordinal))
                {
                    builder.Append('\\');
                }

                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
