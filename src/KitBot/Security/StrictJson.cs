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

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxDepth };

    /// <summary>Why <paramref name="utf8"/> is not acceptable JSON, or null when it is.</summary>
    public static string? Problem(ReadOnlySpan<byte> utf8)
    {
        if (!Utf8.IsValid(utf8))
        {
            return "The body is not valid UTF-8.";
        }

        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        var names = new Stack<HashSet<string>?>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        names.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.StartArray:
                        names.Push(null);
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        names.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        if (!names.Peek()!.Add(reader.GetString()!))
                        {
                            return "A JSON object names the same property twice.";
                        }

                        break;
                    case JsonTokenType.String:
                        // Escapes (\ud800) can still spell an invalid string; reading it once finds out.
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
