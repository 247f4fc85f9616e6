using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace KitBot.Security;

/// <summary>
/// JSON read as KitBot's peers must write it: valid UTF-8, no property named twice in one object, nesting at most
/// <see cref="MaxDepth"/> deep. System.Text.Json's object model checks neither UTF-8 inside strings nor duplicate
/// names until a value is first touched, which would turn a malformed body into an exception deep inside a turn;
/// checked here first, it is a 400 at the door.
/// </summary>
public static class StrictJson
{
    /// <summary>The deepest nesting accepted (System.Text.Json's default).</summary>
    public const int MaxDepth = 64;

    private const int ScanLimit = 16;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxDepth };

    /// <summary>Why <paramref name="utf8"/> is not acceptable JSON, or null when it is.</summary>
    public static string? Problem(ReadOnlySpan<byte> utf8)
    {
        if (!Utf8.IsValid(utf8))
        {
            return "The body is not valid UTF-8.";
        }

        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        // The names of every open object, in one list: an object's names start at its entry in starts (-1 for an
        // array). Most objects have a few names, which a scan checks without a set each; past ScanLimit names an
        // object gets a set, so a body of many thousand names costs no quadratic scan.
        var names = new List<string>();
        var starts = new Stack<(int Start, HashSet<string>? Set)>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        starts.Push((names.Count, null));
                        break;
                    case JsonTokenType.StartArray:
                        starts.Push((-1, null));
                        break;
                    case JsonTokenType.EndObject:
                        var start = starts.Pop().Start;
                        names.RemoveRange(start, names.Count - start);
                        break;
                    case JsonTokenType.EndArray:
                        starts.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        var (first, set) = starts.Peek();
                        if (set is null && names.Count - first >= ScanLimit)
                        {
                            set = new HashSet<string>(names.GetRange(first, names.Count - first), StringComparer.Ordinal);
                            starts.Pop();
                            starts.Push((first, set));
                        }

                        if (set is null ? names.IndexOf(name, first) >= 0 : !set.Add(name))
                        {
                            return "A JSON object names the same property twice.";
                        }

                        names.Add(name);
                        break;
                    case JsonTokenType.String when reader.ValueIsEscaped:
                        // Unescaped text is the UTF-8 checked above; escapes (\ud800) can still spell an invalid
                        // string, and reading it once finds out.
                        _ = reader.GetString();
                        break;
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return "The body is not well-formed JSON.";
        }

        return null;
    }

    /// <summary>Parses <paramref name="utf8"/> when it is acceptable; null otherwise.</summary>
    public static JsonNode? Parse(ReadOnlySpan<byte> utf8)
    {
        if (Problem(utf8) is not null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(utf8, documentOptions: new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Parses a string (a Slack button's value, a modal's metadata) when it is acceptable JSON; null otherwise.</summary>
    public static JsonNode? Parse(string text)
    {
        byte[] bytes;
        try
        {
            bytes = StrictUtf8.GetBytes(text);
        }
        catch (EncoderFallbackException)
        {
            // A lone surrogate in the string itself.
            return null;
        }

        return Parse(bytes);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
