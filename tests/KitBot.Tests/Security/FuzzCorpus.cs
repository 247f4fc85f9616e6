using System.Text;
using System.Text.Json.Nodes;

namespace KitBot.Tests.Security;

/// <summary>One malformed (or odd but valid) request body, with what was done to its seed.</summary>
public sealed record FuzzCase(string Name, byte[] Body);

/// <summary>
/// Builds a corpus by mutating valid seeds: every property of a seed removed or replaced by a value of every other
/// JSON type (and huge, out-of-range, deeply nested ones), plus byte-level damage the JSON model cannot express:
/// duplicate keys, invalid UTF-8, truncation, trailing garbage. Deterministic: the same seeds give the same cases.
/// </summary>
public static class FuzzCorpus
{
    private static readonly string Huge = new('x', 100_000);

    /// <summary>Values each property is replaced by, named for the failure they are after.</summary>
    public static IReadOnlyList<(string Name, Func<JsonNode?> Value)> Replacements { get; } =
    [
        ("null", () => null),
        ("number", () => JsonValue.Create(12345)),
        ("negative", () => JsonValue.Create(-1)),
        ("huge-integer", () => JsonValue.Create(long.MaxValue)),
        ("huge-double", () => JsonValue.Create(1.7e308)),
        ("true", () => JsonValue.Create(true)),
        ("string", () => JsonValue.Create("not what you expect")),
        ("empty-string", () => JsonValue.Create("")),
        ("huge-string", () => JsonValue.Create(Huge)),
        ("array", () => new JsonArray(1, "two", null, new JsonObject())),
        ("object", () => new JsonObject { ["unexpected"] = new JsonArray() }),
        ("array-of-nulls", () => new JsonArray(null, null)),
    ];

    /// <summary>Every mutation of <paramref name="seed"/>; <paramref name="paths"/> limits which properties (null: all).</summary>
    public static IEnumerable<FuzzCase> Mutate(string seedName, JsonObject seed, IReadOnlyCollection<string>? paths = null)
    {
        foreach (var (path, _) in Walk(seed, ""))
        {
            if (paths is not null && !paths.Contains(path))
            {
                continue;
            }

            yield return new FuzzCase($"{seedName} {path} removed", Bytes(With(seed, path, remove: true, null)));
            foreach (var (name, value) in Replacements)
            {
                yield return new FuzzCase($"{seedName} {path} = {name}", Bytes(With(seed, path, remove: false, value())));
            }
        }
    }

    /// <summary>Byte-level damage to a seed: things a JSON object model cannot hold.</summary>
    public static IEnumerable<FuzzCase> Damage(string seedName, JsonObject seed, params string[] stringProperties)
    {
        var json = seed.ToJsonString();
        var first = seed.First().Key;
        yield return new FuzzCase($"{seedName} duplicate top-level key", Encoding.UTF8.GetBytes(
            "{" + $"\"{first}\":{seed[first]?.ToJsonString() ?? "null"}," + json[1..]));
        yield return new FuzzCase($"{seedName} duplicate key with another type", Encoding.UTF8.GetBytes(
            "{" + $"\"{first}\":[1,2]," + json[1..]));
        foreach (var (key, node) in seed)
        {
            if (node is JsonObject inner && inner.Count > 0)
            {
                var innerKey = inner.First().Key;
                var marker = $"\"{key}\":{{";
                var at = json.IndexOf(marker, StringComparison.Ordinal);
                yield return new FuzzCase($"{seedName} duplicate key in {key}", Encoding.UTF8.GetBytes(
                    json[..(at + marker.Length)] + $"\"{innerKey}\":{{\"nested\":true}}," + json[(at + marker.Length)..]));
            }
        }

        byte[][] invalid = [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82]];
        foreach (var property in stringProperties)
        {
            var marker = Encoding.UTF8.GetBytes($"\"{property}\":\"");
            var bytes = Encoding.UTF8.GetBytes(json);
            var at = IndexOf(bytes, marker);
            if (at < 0)
            {
                continue;
            }

            foreach (var bad in invalid)
            {
                var insertAt = at + marker.Length;
                yield return new FuzzCase($"{seedName} invalid UTF-8 {Convert.ToHexString(bad)} in {property}",
                    [.. bytes[..insertAt], .. bad, .. bytes[insertAt..]]);
            }
        }

        // Invalid UTF-8 in a property name.
        yield return new FuzzCase($"{seedName} invalid UTF-8 in a key", [(byte)'{', (byte)'"', 0xFF, 0xFE, (byte)'"', (byte)':', (byte)'1', (byte)',', .. Encoding.UTF8.GetBytes(json[1..])]);
        yield return new FuzzCase($"{seedName} truncated", Encoding.UTF8.GetBytes(json[..(json.Length / 2)]));
        yield return new FuzzCase($"{seedName} trailing garbage", Encoding.UTF8.GetBytes(json + "}]x"));
        yield return new FuzzCase($"{seedName} two objects", Encoding.UTF8.GetBytes(json + json));
        yield return new FuzzCase($"{seedName} byte order mark", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(json)]);
        yield return new FuzzCase($"{seedName} comment", Encoding.UTF8.GetBytes("/* hi */" + json));
        yield return new FuzzCase($"{seedName} NaN", Encoding.UTF8.GetBytes("{" + $"\"{first}\":NaN," + json[1..]));
        yield return new FuzzCase($"{seedName} number out of double range", Encoding.UTF8.GetBytes("{" + "\"zz\":1e400," + json[1..]));
        yield return new FuzzCase($"{seedName} nested 5000 deep", Encoding.UTF8.GetBytes(
            "{" + "\"zz\":" + new string('[', 5000) + new string(']', 5000) + "," + json[1..]));
        yield return new FuzzCase($"{seedName} NUL in a string", Encoding.UTF8.GetBytes(json.Replace("\":\"", "\":\"\\u0000", StringComparison.Ordinal)));
        yield return new FuzzCase($"{seedName} lone surrogate escape", Encoding.UTF8.GetBytes(json.Replace("\":\"", "\":\"\\ud800", StringComparison.Ordinal)));
    }

    /// <summary>Bodies that are not an object at all.</summary>
    public static IEnumerable<FuzzCase> NotObjects(string seedName) =>
    [
        new($"{seedName} empty body", []),
        new($"{seedName} null", "null"u8.ToArray()),
        new($"{seedName} array", "[]"u8.ToArray()),
        new($"{seedName} string", "\"message\""u8.ToArray()),
        new($"{seedName} number", "42"u8.ToArray()),
        new($"{seedName} whitespace", "   \n"u8.ToArray()),
        new($"{seedName} binary", [0x00, 0x01, 0x02, 0xFF, 0xFE]),
    ];

    /// <summary>The paths of every property and array element under <paramref name="node"/>: names joined by '/' (names may hold dots), indexes in brackets.</summary>
    public static IEnumerable<(string Path, JsonNode? Node)> Walk(JsonNode? node, string prefix)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    var path = prefix.Length == 0 ? key : $"{prefix}/{key}";
                    yield return (path, child);
                    foreach (var inner in Walk(child, path))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var path = $"{prefix}[{i}]";
                    yield return (path, array[i]);
                    foreach (var inner in Walk(array[i], path))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    /// <summary>A copy of <paramref name="seed"/> with the property at <paramref name="path"/> removed or replaced.</summary>
    public static JsonObject With(JsonObject seed, string path, bool remove, JsonNode? value)
    {
        var copy = (JsonObject)seed.DeepClone();
        var segments = Segments(path);
        JsonNode parent = copy;
        foreach (var segment in segments[..^1])
        {
            parent = segment is int i ? parent[i]! : parent[(string)segment]!;
        }

        switch (segments[^1], parent)
        {
            case (int index, JsonArray array):
                if (remove)
                {
                    array.RemoveAt(index);
                }
                else
                {
                    array[index] = value;
                }

                break;
            case (string key, JsonObject obj):
                if (remove)
                {
                    obj.Remove(key);
                }
                else
                {
                    obj[key] = value;
                }

                break;
        }

        return copy;
    }

    private static object[] Segments(string path)
    {
        var segments = new List<object>();
        foreach (var part in path.Split('/'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? part : part[..bracket];
            if (name.Length > 0)
            {
                segments.Add(name);
            }

            while (bracket >= 0)
            {
                var close = part.IndexOf(']', bracket);
                segments.Add(int.Parse(part[(bracket + 1)..close], System.Globalization.CultureInfo.InvariantCulture));
                bracket = part.IndexOf('[', close);
            }
        }

        return [.. segments];
    }

    private static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        return -1;
    }
}
