using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace KitBot.Channels.Console;

/// <summary>
/// A card's questions in the terminal as one numbered form: every question with what it holds now, its choices and
/// its limits shown before anything is typed; answers given as <c>number=answer</c>, several on a line
/// (<c>1=2; 3=yes; 4-9=no</c>), each checked and a refused one named.
/// </summary>
public sealed class ConsoleForm
{
    private readonly IReadOnlyList<CardInput> _fields;
    private readonly string[] _values;

    public ConsoleForm(IReadOnlyList<CardInput> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        _fields = fields;
        _values = [.. fields.Select(f => f.Value ?? "")];
    }

    /// <summary>How to answer, said once under the form.</summary>
    public static string Help(string buttonTitle) =>
        $"Answer as number=answer, several at once: 1=2; 3=yes; 4-9=no. A number alone shows that question. " +
        $"Press Enter (or type send) to press \"{buttonTitle}\"; list shows the form again; back goes back a step; cancel sends nothing.";

    /// <summary>The whole form: one line per question, its answer now, then its choices and limits.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        for (var i = 0; i < _fields.Count; i++)
        {
            text.AppendLine(Describe(i));
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>The questions that must be answered and are not.</summary>
    public IReadOnlyList<string> Missing() =>
        [.. _fields.Select((f, i) => (f, i)).Where(x => x.f.IsRequired && _values[x.i].Length == 0).Select(x => Name(x.i))];

    /// <summary>The button's data with every answer, as the card would submit it.</summary>
    public JsonObject Fill(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var filled = (JsonObject)data.DeepClone();
        for (var i = 0; i < _fields.Count; i++)
        {
            filled[_fields[i].Id] = _values[i];
        }

        return filled;
    }

    /// <summary>
    /// Applies a line of answers; returns what was refused (each naming its question) and what was noted. A number
    /// alone is a request to see that question.
    /// </summary>
    public (IReadOnlyList<string> Refused, IReadOnlyList<string> Noted, string? Shown) Apply(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var refused = new List<string>();
        var noted = new List<string>();
        string? shown = null;
        var rest = line;
        while (rest.Trim().Length > 0)
        {
            // Answers are separated by ';', except that a text answer runs to the end of the line (it may hold ';').
            var equals = rest.IndexOf('=', StringComparison.Ordinal);
            var semicolon = rest.IndexOf(';', StringComparison.Ordinal);
            var target = (equals < 0 || (semicolon >= 0 && semicolon < equals) ? rest[..(semicolon < 0 ? rest.Length : semicolon)] : rest[..equals]).Trim();
            if (Range(target) is not var (first, last))
            {
                refused.Add($"\"{Shorten(target)}\" is not a question number: questions are 1 to {_fields.Count}.");
                break;
            }

            if (equals < 0 || (semicolon >= 0 && semicolon < equals))
            {
                shown = string.Join("\n", Enumerable.Range(first, last - first + 1).Select(Describe));
                rest = semicolon < 0 ? "" : rest[(semicolon + 1)..];
                continue;
            }

            var after = rest[(equals + 1)..];
            var isText = Enumerable.Range(first, last - first + 1).All(i => _fields[i].Choices.Count == 0);
            var end = isText ? -1 : after.IndexOf(';', StringComparison.Ordinal);
            var answer = (end < 0 ? after : after[..end]).Trim();
            rest = end < 0 ? "" : after[(end + 1)..];
            for (var i = first; i <= last; i++)
            {
                if (Check(i, answer, out var value) is { } problem)
                {
                    refused.Add(problem);
                    continue;
                }

                _values[i] = value;
                noted.Add((i + 1).ToString(CultureInfo.InvariantCulture));
            }
        }

        return (refused, noted, shown);
    }

    private (int First, int Last)? Range(string target)
    {
        var dash = target.IndexOf('-', StringComparison.Ordinal);
        var (from, to) = dash < 0 ? (target, target) : (target[..dash].Trim(), target[(dash + 1)..].Trim());
        return int.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out var a)
            && int.TryParse(to, NumberStyles.None, CultureInfo.InvariantCulture, out var b)
            && a >= 1 && b >= a && b <= _fields.Count
            ? (a - 1, b - 1)
            : null;
    }

    /// <summary>Null when <paramref name="answer"/> fits question <paramref name="i"/>; otherwise why not, naming it.</summary>
    private string? Check(int i, string answer, out string value)
    {
        var field = _fields[i];
        value = answer;
        if (answer.Length == 0)
        {
            return field.IsRequired ? $"{Name(i)} needs an answer." : null;
        }

        if (field.Choices.Count == 0)
        {
            return field.MaxLength is { } max && answer.Length > max
                ? $"{Name(i)} takes up to {max} characters; that answer has {answer.Length}. It was not changed."
                : null;
        }

        var parts = field.IsMultiSelect ? answer.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [answer];
        var picked = new List<string>();
        foreach (var part in parts)
        {
            if (Choice(field, part) is not { } choice)
            {
                value = _values[i];
                return $"{Name(i)} has no choice \"{Shorten(part)}\": choose {Choices(field)}.";
            }

            picked.Add(choice);
        }

        value = string.Join(",", picked);
        return null;
    }

    /// <summary>A choice by its number, or by its words (exactly, or the only choice they begin).</summary>
    private static string? Choice(CardInput field, string answer)
    {
        if (int.TryParse(answer, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= field.Choices.Count)
        {
            return field.Choices[n - 1].Value;
        }

        var exact = field.Choices.Where(c => string.Equals(c.Title, answer, StringComparison.OrdinalIgnoreCase)
            || string.Equals(c.Value, answer, StringComparison.OrdinalIgnoreCase)).ToList();
        if (exact.Count > 0)
        {
            return exact[0].Value;
        }

        var starts = field.Choices.Where(c => c.Title.StartsWith(answer, StringComparison.OrdinalIgnoreCase)).ToList();
        return starts.Count == 1 ? starts[0].Value : null;
    }

    private string Describe(int i)
    {
        var field = _fields[i];
        var line = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{i + 1,3}. {field.Label}");
        if (field.IsRequired)
        {
            line.Append(" (required)");
        }

        if (field.MaxLength is { } max && field.Choices.Count == 0)
        {
            line.Append(CultureInfo.InvariantCulture, $" (up to {max} characters)");
        }

        line.Append(": ").Append(Shown(i));
        if (field.Choices.Count > 0)
        {
            line.AppendLine().Append("       ").Append(Choices(field));
            if (field.IsMultiSelect)
            {
                line.Append(" (any, separated by commas)");
            }
        }

        return line.ToString();
    }

    private string Shown(int i)
    {
        var value = _values[i];
        if (value.Length == 0)
        {
            return "not answered";
        }

        var field = _fields[i];
        return field.Choices.Count == 0
            ? value
            : string.Join(", ", value.Split(',').Select(v => field.Choices.FirstOrDefault(c => c.Value == v).Title ?? v));
    }

    private static string Choices(CardInput field) =>
        string.Join("  ", field.Choices.Select((c, n) => $"{n + 1}) {c.Title}"));

    private string Name(int i) => $"Question {i + 1} ({Shorten(_fields[i].Label)})";

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
