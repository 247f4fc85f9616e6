namespace KitBot.Cards.Templating;

/// <summary>Property and index access as AEL does it (SimpleObjectMemory, accessProperty, accessIndex).</summary>
internal static class Access
{
    /// <summary>One part of a path, with the integer it parses as (NaN when none), computed once.</summary>
    public readonly record struct Segment(string Name, double Index);

    /// <summary>
    /// SimpleObjectMemory.getValue: the path is split on '.', '[' and ']' and each part read in turn; a part that
    /// parses as an integer indexes an array. Any failure is undefined.
    /// </summary>
    public static object? GetPath(object? memory, string path) => GetPath(memory, Split(path));

    public static object? GetPath(object? memory, Segment[] segments)
    {
        if (Js.IsUndefined(memory) || segments.Length == 0)
        {
            return Js.Undefined;
        }

        var value = Js.Undefined;
        var current = memory;
        foreach (var segment in segments)
        {
            var (next, error) = !double.IsNaN(segment.Index) && current is List<object?>
                ? AccessIndex(current, segment.Index)
                : AccessProperty(current, segment.Name);
            if (error is not null)
            {
                return Js.Undefined;
            }

            value = next;
            current = next;
        }

        return value;
    }

    public static Segment[] Split(string path)
    {
        var segments = new List<Segment>();
        var start = 0;
        for (var i = 0; i <= path.Length; i++)
        {
            if (i < path.Length && path[i] is not ('.' or '[' or ']'))
            {
                continue;
            }

            if (i > start)
            {
                var part = Unquote(path[start..i]);
                segments.Add(new Segment(part, Js.ParseInt(part)));
            }

            start = i + 1;
        }

        return [.. segments];
    }

    private static string Unquote(string part)
    {
        if (part.Length > 0 && ((part[0] == '"' && part[^1] == '"') || (part[0] == '\'' && part[^1] == '\'')))
        {
            return part.Length >= 2 ? part[1..^1] : "";
        }

        return part;
    }

    /// <summary>accessProperty: falsy instances give undefined; names match the first key equal without regard to case.</summary>
    public static (object? Value, string? Error) AccessProperty(object? instance, string property)
    {
        if (!Js.Truthy(instance))
        {
            return (Js.Undefined, null);
        }

        switch (instance)
        {
            case Scope scope:
                return (scope.Member(property), null);
            case JsObject obj:
                var key = FindKey(obj, property);
                return (key is null ? Js.Undefined : obj[key], null);
            case List<object?> list:
                return (Js.TryParseArrayIndex(property, out var i) && i < list.Count ? list[(int)i] : Js.Undefined, null);
            case string s:
                return (Js.TryParseArrayIndex(property, out var j) && j < s.Length ? s[(int)j].ToString() : Js.Undefined, null);
            default:
                return (Js.Undefined, null);
        }
    }

    /// <summary>accessIndex: null and undefined give undefined; anything but an in-range array index is an error.</summary>
    public static (object? Value, string? Error) AccessIndex(object? instance, double index)
    {
        if (Js.IsNullish(instance))
        {
            return (Js.Undefined, null);
        }

        if (instance is not List<object?> list)
        {
            return (Js.Undefined, $"{Js.ToJsString(instance)} is not a collection.");
        }

        return index >= 0 && index < list.Count
            ? (list[(int)index], null)
            : (Js.Undefined, $"{Js.NumberToString(index)} is out of range for {Js.ToJsString(list)}");
    }

    private static string? FindKey(JsObject obj, string property)
    {
        // The first key equal without regard to case wins. Card data nearly always names the key exactly: find that
        // position by lookup, and only the keys before it can still come first.
        var keys = obj.Keys;
        var exact = obj.IndexOf(property);
        var end = exact >= 0 ? exact : keys.Count;
        string? lowered = null;
        var asciiProperty = JsCase.IsAscii(property);
        for (var i = 0; i < end; i++)
        {
            var key = keys[i];
            if (asciiProperty)
            {
                // Only a key as long as an ASCII name can lower to it: the one lower-case mapping that changes the
                // length (İ to i̇) gives non-ASCII text. For ASCII text toLowerCase only maps A-Z, which is what
                // OrdinalIgnoreCase compares: no lowered copies.
                if (key.Length != property.Length)
                {
                    continue;
                }

                if (JsCase.IsAscii(key))
                {
                    if (string.Equals(key, property, StringComparison.OrdinalIgnoreCase))
                    {
                        return key;
                    }

                    continue;
                }
            }

            lowered ??= JsCase.ToLower(property);
            if (string.Equals(JsCase.ToLower(key), lowered, StringComparison.Ordinal))
            {
                return key;
            }
        }

        return exact >= 0 ? keys[exact] : null;
    }
}
