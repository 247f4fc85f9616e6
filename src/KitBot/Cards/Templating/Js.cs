using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KitBot.Cards.Templating;

/// <summary>
/// JavaScript value semantics the reference implementation leans on. Values are: <see cref="Undefined"/>, null,
/// bool, double (every JavaScript number), string, <see cref="List{T}"/> of values (an array) and <see cref="JsObject"/>.
/// </summary>
internal static class Js
{
    /// <summary>JavaScript's undefined, which the reference treats differently from null throughout.</summary>
    public static readonly object Undefined = new UndefinedValue();

    /// <summary>Number.EPSILON.</summary>
    private const double NumberEpsilon = 2.220446049250313e-16;

    public static bool IsUndefined(object? value) => ReferenceEquals(value, Undefined);

    /// <summary><c>value == null</c> in JavaScript: null or undefined.</summary>
    public static bool IsNullish(object? value) => value is null || ReferenceEquals(value, Undefined);

    /// <summary>AEL's FunctionUtils.isNumber: a number that is not NaN.</summary>
    public static bool IsNumber(object? value) => value is double d && !double.IsNaN(d);

    public static bool IsInteger(object? value) => value is double d && double.IsFinite(d) && Math.Floor(d) == d;

    /// <summary><c>typeof value === 'object'</c>: null, arrays and objects.</summary>
    public static bool IsTypeofObject(object? value) => value is null or List<object?> or JsObject;

    public static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        double d => d != 0 && !double.IsNaN(d),
        string s => s.Length > 0,
        _ => !IsUndefined(value),
    };

    /// <summary>AEL's isLogicTrue: booleans are themselves, null and undefined are false, anything else is true.</summary>
    public static bool IsLogicTrue(object? value) => value is bool b ? b : !IsNullish(value);

    /// <summary>The abstract ToString operation (<c>String(value)</c>, template literals, string concatenation).</summary>
    public static string ToJsString(object? value) => value switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        double d => NumberToString(d),
        List<object?> list => Join(list, ","),
        JsObject => "[object Object]",
        _ => "undefined",
    };

    /// <summary><c>value.toString()</c>, which throws a TypeError on null and undefined.</summary>
    public static string CallToString(object? value)
    {
        if (IsNullish(value))
        {
            throw new TemplateException($"Cannot read properties of {ToJsString(value)} (reading 'toString')");
        }

        return ToJsString(value);
    }

    /// <summary><c>Array.prototype.join</c>: null and undefined items become empty strings.</summary>
    public static string Join(IEnumerable<object?> items, string separator)
    {
        var builder = new StringBuilder();
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                builder.Append(separator);
            }

            first = false;
            if (!IsNullish(item))
            {
                builder.Append(ToJsString(item));
            }
        }

        return builder.ToString();
    }

    /// <summary>Number.prototype.toString(): the shortest round-trip digits, in JavaScript's layout.</summary>
    public static string NumberToString(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (value == 0)
        {
            return "0";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value < 0)
        {
            return "-" + NumberToString(-value);
        }

        // .NET's "R" gives the shortest round-trip digits; only the layout differs from JavaScript's.
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = text.IndexOf('E');
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var dot = text.IndexOf('.');
        var integerPart = dot >= 0 ? text[..dot] : text;
        var digits = integerPart + (dot >= 0 ? text[(dot + 1)..] : "");
        var point = integerPart.Length + exponent;
        var leadingZeros = 0;
        while (leadingZeros < digits.Length - 1 && digits[leadingZeros] == '0')
        {
            leadingZeros++;
        }

        digits = digits[leadingZeros..].TrimEnd('0');
        point -= leadingZeros;
        var k = digits.Length;
        if (k <= point && point <= 21)
        {
            return digits + new string('0', point - k);
        }

        if (0 < point && point <= 21)
        {
            return digits[..point] + "." + digits[point..];
        }

        if (-6 < point && point <= 0)
        {
            return "0." + new string('0', -point) + digits;
        }

        var power = point - 1;
        var mantissa = k == 1 ? digits : digits[0] + "." + digits[1..];
        return mantissa + "e" + (power < 0 ? "-" : "+") + Math.Abs(power).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Number.prototype.toFixed for a non-negative number: exact decimal rounding, ties away from zero.</summary>
    public static string ToFixed(double value, int digits)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (value >= 1e21 || double.IsInfinity(value))
        {
            return NumberToString(value);
        }

        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        exponent -= 1075;
        var scaled = new BigInteger(mantissa) * BigInteger.Pow(10, digits);
        BigInteger n;
        if (exponent >= 0)
        {
            n = scaled << exponent;
        }
        else
        {
            var denominator = BigInteger.One << -exponent;
            n = BigInteger.DivRem(scaled, denominator, out var remainder);
            if (remainder * 2 >= denominator)
            {
                n += 1;
            }
        }

        var text = n.ToString(CultureInfo.InvariantCulture);
        if (digits == 0)
        {
            return text;
        }

        text = text.PadLeft(digits + 1, '0');
        return text[..^digits] + "." + text[^digits..];
    }

    /// <summary>Math.round: halves go towards +Infinity.</summary>
    public static double Round(double value)
    {
        if (!double.IsFinite(value))
        {
            return value;
        }

        var floor = Math.Floor(value);
        return value - floor >= 0.5 ? floor + 1 : floor;
    }

    /// <summary>The abstract ToNumber operation, for the few places the reference coerces.</summary>
    public static double ToNumber(object? value) => value switch
    {
        null => 0,
        double d => d,
        bool b => b ? 1 : 0,
        string s => StringToNumber(s),
        List<object?> list => StringToNumber(ToJsString(list)),
        _ => double.NaN,
    };

    private static double StringToNumber(string s)
    {
        s = Trim(s);
        if (s.Length == 0)
        {
            return 0;
        }

        if (s is "Infinity" or "+Infinity")
        {
            return double.PositiveInfinity;
        }

        if (s == "-Infinity")
        {
            return double.NegativeInfinity;
        }

        if (s.Length > 2 && s[0] == '0' && (s[1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B'))
        {
            var radix = char.ToLowerInvariant(s[1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
            double result = 0;
            foreach (var c in s[2..])
            {
                var digit = DigitValue(c);
                if (digit < 0 || digit >= radix)
                {
                    return double.NaN;
                }

                result = result * radix + digit;
            }

            return result;
        }

        foreach (var c in s)
        {
            if (!(char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-'))
            {
                return double.NaN;
            }
        }

        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : double.NaN;
    }

    /// <summary>parseInt(text), or parseInt(text, 10) when hexadecimal is not allowed.</summary>
    public static double ParseInt(string text, bool allowHex = true)
    {
        var s = TrimStart(text);
        var i = 0;
        var negative = false;
        if (i < s.Length && s[i] is '+' or '-')
        {
            negative = s[i] == '-';
            i++;
        }

        var radix = 10;
        if (allowHex && i + 1 < s.Length && s[i] == '0' && s[i + 1] is 'x' or 'X')
        {
            radix = 16;
            i += 2;
        }

        var start = i;
        while (i < s.Length && DigitValue(s[i]) is var d && d >= 0 && d < radix)
        {
            i++;
        }

        if (i == start)
        {
            return double.NaN;
        }

        double value;
        if (radix == 10)
        {
            value = double.Parse(s.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture);
        }
        else
        {
            value = 0;
            for (var j = start; j < i; j++)
            {
                value = value * 16 + DigitValue(s[j]);
            }
        }

        return negative ? -value : value;
    }

    /// <summary>parseFloat(text).</summary>
    public static double ParseFloat(string text)
    {
        var s = TrimStart(text);
        var i = 0;
        var negative = false;
        if (i < s.Length && s[i] is '+' or '-')
        {
            negative = s[i] == '-';
            i++;
        }

        if (string.CompareOrdinal(s, i, "Infinity", 0, 8) == 0)
        {
            return negative ? double.NegativeInfinity : double.PositiveInfinity;
        }

        var start = i;
        var integerDigits = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
            integerDigits++;
        }

        var fractionDigits = 0;
        if (i < s.Length && s[i] == '.')
        {
            var j = i + 1;
            while (j < s.Length && char.IsAsciiDigit(s[j]))
            {
                j++;
                fractionDigits++;
            }

            if (integerDigits > 0 || fractionDigits > 0)
            {
                i = j;
            }
        }

        if (integerDigits == 0 && fractionDigits == 0)
        {
            return double.NaN;
        }

        if (i < s.Length && s[i] is 'e' or 'E')
        {
            var j = i + 1;
            if (j < s.Length && s[j] is '+' or '-')
            {
                j++;
            }

            var exponentStart = j;
            while (j < s.Length && char.IsAsciiDigit(s[j]))
            {
                j++;
            }

            if (j > exponentStart)
            {
                i = j;
            }
        }

        var value = double.Parse(s.AsSpan(start, i - start), NumberStyles.Float, CultureInfo.InvariantCulture);
        return negative ? -value : value;
    }

    /// <summary>String.prototype.trim, whose whitespace set differs from .NET's (no U+0085, plus U+FEFF).</summary>
    public static string Trim(string s)
    {
        var start = 0;
        var end = s.Length;
        while (start < end && IsWhiteSpace(s[start]))
        {
            start++;
        }

        while (end > start && IsWhiteSpace(s[end - 1]))
        {
            end--;
        }

        return start == 0 && end == s.Length ? s : s[start..end];
    }

    private static string TrimStart(string s)
    {
        var start = 0;
        while (start < s.Length && IsWhiteSpace(s[start]))
        {
            start++;
        }

        return s[start..];
    }

    public static bool IsWhiteSpace(char c) => c switch
    {
        '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or '\u00A0' or '\u1680' or '\u2028' or '\u2029' or '\u202F'
            or '\u205F' or '\u3000' or '\uFEFF' => true,
        >= '\u2000' and <= '\u200A' => true,
        _ => false,
    };

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'z' => c - 'a' + 10,
        >= 'A' and <= 'Z' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>A canonical array index ("0", "7", "42"; not "07" or "-1"), which JavaScript orders first.</summary>
    public static bool TryParseArrayIndex(string key, out uint index)
    {
        index = 0;
        if (key.Length == 0 || key.Length > 10 || (key.Length > 1 && key[0] == '0'))
        {
            return false;
        }

        ulong value = 0;
        foreach (var c in key)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = value * 10 + (uint)(c - '0');
        }

        if (value >= uint.MaxValue)
        {
            return false;
        }

        index = (uint)value;
        return true;
    }

    /// <summary>JSON.stringify; null for undefined (JSON.stringify returns undefined then).</summary>
    public static string? JsonStringify(object? value)
    {
        if (IsUndefined(value))
        {
            return null;
        }

        var builder = new StringBuilder();
        WriteJson(builder, value);
        return builder.ToString();
    }

    private static void WriteJson(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case bool b:
                builder.Append(b ? "true" : "false");
                break;
            case double d:
                builder.Append(double.IsFinite(d) ? NumberToString(d) : "null");
                break;
            case string s:
                WriteJsonString(builder, s);
                break;
            case List<object?> list:
                builder.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    WriteJson(builder, IsUndefined(list[i]) ? null : list[i]);
                }

                builder.Append(']');
                break;
            case JsObject obj:
                builder.Append('{');
                var first = true;
                foreach (var key in obj.Keys)
                {
                    var item = obj[key];
                    if (IsUndefined(item))
                    {
                        continue;
                    }

                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    WriteJsonString(builder, key);
                    builder.Append(':');
                    WriteJson(builder, item);
                }

                builder.Append('}');
                break;
            default:
                builder.Append("null");
                break;
        }
    }

    private static void WriteJsonString(StringBuilder builder, string s)
    {
        builder.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    var lone = (char.IsHighSurrogate(c) && !(i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])))
                        || (char.IsLowSurrogate(c) && !(i > 0 && char.IsHighSurrogate(s[i - 1])));
                    if (c < 0x20 || lone)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    /// <summary>AEL's commonStringify: objects as JSON with leading and trailing quotes stripped, null as empty.</summary>
    public static string CommonStringify(object? value)
    {
        if (IsNullish(value))
        {
            return "";
        }

        if (value is List<object?> or JsObject)
        {
            return JsonStringify(value)!.TrimStart('\'', '"').TrimEnd('\'', '"');
        }

        return ToJsString(value);
    }

    /// <summary>AEL's commonEquals (numbers within epsilon, deep equality for objects and arrays).</summary>
    public static bool CommonEquals(object? a, object? b)
    {
        if (IsNullish(a) || IsNullish(b))
        {
            return IsNullish(a) && IsNullish(b);
        }

        if (a is List<object?> listA && b is List<object?> listB)
        {
            if (listA.Count != listB.Count)
            {
                return false;
            }

            for (var i = 0; i < listA.Count; i++)
            {
                if (!CommonEquals(listA[i], listB[i]))
                {
                    return false;
                }
            }

            return true;
        }

        if (a is JsObject objectA && b is JsObject objectB)
        {
            return objectA.Count == objectB.Count && DeepEqual(objectA, objectB);
        }

        if (IsNumber(a) && IsNumber(b) && Math.Abs((double)a! - (double)b!) < NumberEpsilon)
        {
            return true;
        }

        return StrictEquals(a, b);
    }

    /// <summary>JavaScript's === (objects by reference).</summary>
    public static bool StrictEquals(object? a, object? b) => (a, b) switch
    {
        (double x, double y) => x == y,
        (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
        (bool x, bool y) => x == y,
        _ => ReferenceEquals(a, b),
    };

    // lodash's isEqual, which commonEquals uses for objects.
    private static bool DeepEqual(object? a, object? b)
    {
        switch (a, b)
        {
            case (double x, double y):
                return x == y || (double.IsNaN(x) && double.IsNaN(y));
            case (List<object?> x, List<object?> y):
                if (x.Count != y.Count)
                {
                    return false;
                }

                for (var i = 0; i < x.Count; i++)
                {
                    if (!DeepEqual(x[i], y[i]))
                    {
                        return false;
                    }
                }

                return true;
            case (JsObject x, JsObject y):
                if (x.Count != y.Count)
                {
                    return false;
                }

                foreach (var key in x.Keys)
                {
                    if (!y.TryGetValue(key, out var other) || !DeepEqual(x[key], other))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return StrictEquals(a, b) || (a is null && b is null) || (IsUndefined(a) && IsUndefined(b));
        }
    }

    /// <summary>JSON data as JavaScript sees it after JSON.parse: every number a double.</summary>
    public static object? FromJson(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                // Sized once: the data of a large card has hundreds of objects.
                // By position: enumerating a JsonObject or JsonArray allocates an enumerator for each.
                var result = new JsObject(obj.Count);
                for (var i = 0; i < obj.Count; i++)
                {
                    var (key, item) = obj.GetAt(i);
                    result.Add(key, FromJson(item));
                }

                return result;
            case JsonArray array:
                var list = new List<object?>(array.Count);
                for (var i = 0; i < array.Count; i++)
                {
                    list.Add(FromJson(array[i]));
                }

                return list;
            default:
                var value = node.AsValue();
                return value.GetValueKind() switch
                {
                    // Through the JSON text, so any CLR value a JsonValue wraps (char, Guid, decimal) reads as JSON would.
                    JsonValueKind.String => value.TryGetValue<string>(out var text) ? text : JsonSerializer.Deserialize<string>(value.ToJsonString()),
                    JsonValueKind.Number => Number(value),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => null,
                };
        }
    }

    /// <summary>
    /// A JSON number as JSON.parse reads its text. A double or an integer that a node holds converts exactly, with the
    /// same result as parsing the text it writes, without writing it; anything else (float, decimal, a parsed element
    /// out of double's range) goes through the text.
    /// </summary>
    private static double Number(JsonValue value)
    {
        if (value.TryGetValue<double>(out var d) && double.IsFinite(d))
        {
            return d;
        }

        if (value.TryGetValue<int>(out var i))
        {
            return i;
        }

        if (value.TryGetValue<long>(out var l))
        {
            return l;
        }

        return double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>JSON.parse, for the json() function.</summary>
    public static object? FromJson(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var result = new JsObject();
                foreach (var property in element.EnumerateObject())
                {
                    result.Set(property.Name, FromJson(property.Value));
                }

                return result;
            case JsonValueKind.Array:
                var list = new List<object?>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    list.Add(FromJson(item));
                }

                return list;
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                return double.Parse(element.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }

    /// <summary>What JSON.stringify would write, as a node: undefined members are left out, NaN and infinities are null.</summary>
    public static JsonNode? ToJson(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case bool b:
                return JsonValue.Create(b);
            case double d:
                // JSON.stringify writes -0 as 0 and non-finite numbers as null.
                return double.IsFinite(d) ? JsonValue.Create(d == 0 ? 0.0 : d) : null;
            case string s:
                return JsonValue.Create(s);
            case List<object?> list:
                var array = new JsonArray();
                foreach (var item in list)
                {
                    array.Add(ToJson(IsUndefined(item) ? null : item));
                }

                return array;
            case JsObject obj:
                var result = new JsonObject();
                foreach (var key in obj.Keys)
                {
                    var item = obj[key];
                    if (!IsUndefined(item))
                    {
                        result[key] = ToJson(item);
                    }
                }

                return result;
            default:
                return null;
        }
    }

    /// <summary>
    /// What JSON.stringify would write, straight to UTF-8: the same output as writing <see cref="ToJson"/>'s node with
    /// the same writer, without building the node tree.
    /// </summary>
    public static void WriteJson(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case double d when double.IsFinite(d):
                // JSON.stringify writes -0 as 0 and non-finite numbers as null.
                writer.WriteNumberValue(d == 0 ? 0.0 : d);
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case List<object?> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteJson(writer, IsUndefined(item) ? null : item);
                }

                writer.WriteEndArray();
                break;
            case JsObject obj:
                writer.WriteStartObject();
                foreach (var key in obj.Keys)
                {
                    var item = obj[key];
                    if (!IsUndefined(item))
                    {
                        writer.WritePropertyName(key);
                        WriteJson(writer, item);
                    }
                }

                writer.WriteEndObject();
                break;
            default:
                // null, undefined at the top, NaN and infinities, and anything that is not a JSON value.
                writer.WriteNullValue();
                break;
        }
    }

    private sealed class UndefinedValue
    {
        public override string ToString() => "undefined";
    }
}
