using System.Collections.Frozen;

namespace KitBot.Cards.Templating;

/// <summary>
/// Number formatting for AEL's string() and formatNumber(): d3-format's ",.Nf" with AEL's locale table. The minus
/// sign is U+2212, as d3-format writes it. Without a locale argument the reference uses the JavaScript runtime's
/// default locale; KitBot pins that to en-US (and so does the test tool that runs the reference).
/// </summary>
internal static class NumberFormat
{
    public const string DefaultLocale = "en-US";

    private static readonly Locale Default = new(".", ",", [3], null);

    // adaptive-expressions' localeInfo (decimal, thousands, grouping, numerals), as shipped in 4.23.
    private static readonly FrozenDictionary<string, Locale> Locales = new Dictionary<string, Locale>(StringComparer.Ordinal)
    {
        ["ar-MA"] = new(",", ".", [3], null),
        ["en-IN"] = new(".", ",", [3, 2, 2, 2, 2, 2, 2, 2, 2, 2], null),
        ["ar-BH"] = new("\u066B", "\u066C", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["ar-PS"] = new("\u066B", "\u066C", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["en-IE"] = new(".", ",", [3], null),
        ["it-IT"] = new(",", ".", [3], null),
        ["ar-EG"] = new("\u066B", "\u066C", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["ar-IQ"] = new("\u066B", "\u066C", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["ar-EH"] = new(".", ",", [3], null),
        ["ar-AE"] = new("\u066B", "\u066C", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["ar-MR"] = new("\u066B", "\u066C", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["uk-UA"] = new(",", "\u00A0", [3], null),
        ["ca-ES"] = new(",", ".", [3], null),
        ["sv-SE"] = new(",", "\u00A0", [3], null),
        ["ja-JP"] = new(".", ",", [3], null),
        ["es-ES"] = new(",", ".", [3], null),
        ["fi-FI"] = new(",", "\u00A0", [3], null),
        ["ar-DZ"] = new(",", ".", [3], null),
        ["en-GB"] = new(".", ",", [3], null),
        ["cs-CZ"] = new(",", "\u00A0", [3], null),
        ["ar-TD"] = new("\u066B", "\u066C", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["de-CH"] = new(",", "'", [3], null),
        ["nl-NL"] = new(",", ".", [3], null),
        ["es-BO"] = new(",", ".", [3], null),
        ["ar-SY"] = new("\u066B", "\u066C", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["ar-JO"] = new("\u066B", "\u066C", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["en-CA"] = new(".", ",", [3], null),
        ["ar-ER"] = new("\u066B", "\u066C", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["ar-LB"] = new("\u066B", "\u066C", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["fr-CA"] = new(",", "\u00A0", [3], null),
        ["ar-TN"] = new(",", ".", [3], null),
        ["ar-YE"] = new("\u066B", "\u066C", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["ru-RU"] = new(",", "\u00A0", [3], null),
        ["en-US"] = new(".", ",", [3], null),
        ["ar-SS"] = new("\u066B", "\u066C", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["ar-SO"] = new("\u066B", "\u066C", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["hu-HU"] = new(",", "\u00A0", [3], null),
        ["pt-BR"] = new(",", ".", [3], null),
        ["ar-DJ"] = new("\u066B", "\u066C", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["ar-SD"] = new("\u066B", "\u066C", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["ar-001"] = new("\u066B", "\u066C", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["ar-LY"] = new(",", ".", [3], null),
        ["ar-SA"] = new("\u066B", "\u066C", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["ar-KW"] = new("\u066B", "\u066C", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["pl-PL"] = new(",", ".", [3], null),
        ["ar-QA"] = new("\u066B", "\u066C", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["mk-MK"] = new(",", ".", [3], null),
        ["ko-KR"] = new(".", ",", [3], null),
        ["es-MX"] = new(".", ",", [3], null),
        ["ar-IL"] = new("\u066B", "\u066C", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["zh-CN"] = new(".", ",", [3], null),
        ["de-DE"] = new(",", ".", [3], null),
        ["ar-OM"] = new("\u066B", "\u066C", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["fr-FR"] = new(",", "\u00A0", [3], null),
        ["ar-KM"] = new("\u066B", "\u066C", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["he-IL"] = new(".", ",", [3], null),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Formats with d3-format's ",.{precision}f" in the named locale (the default when it is not in the table).</summary>
    public static string Fixed(double value, int precision, string locale)
    {
        var format = Locales.TryGetValue(locale, out var known) ? known : Default;
        precision = Math.Clamp(precision, 0, 20);
        var negative = value < 0 || (value == 0 && double.IsNegative(value));
        var text = Js.ToFixed(Math.Abs(value), precision);

        // d3 hides the sign of a negative number that rounds to zero.
        if (negative && Js.ToNumber(text) == 0)
        {
            negative = false;
        }

        var split = 0;
        while (split < text.Length && char.IsAsciiDigit(text[split]))
        {
            split++;
        }

        var suffix = split >= text.Length ? "" : text[split] == '.' ? format.Decimal + text[(split + 1)..] : text[split..];
        var result = (negative ? "\u2212" : "") + Group(text[..split], format) + suffix;
        return format.Numerals is null ? result : string.Concat(result.Select(c => char.IsAsciiDigit(c) ? format.Numerals[c - '0'] : c));
    }

    private static string Group(string digits, Locale format)
    {
        var parts = new List<string>();
        var i = digits.Length;
        var j = 0;
        var size = format.Grouping[0];
        while (i > 0 && size > 0)
        {
            var start = Math.Max(0, i - size);
            parts.Add(digits[start..i]);
            i -= size;
            j = (j + 1) % format.Grouping.Length;
            size = format.Grouping[j];
        }

        parts.Reverse();
        return string.Join(format.Thousands, parts);
    }

    private sealed record Locale(string Decimal, string Thousands, int[] Grouping, string? Numerals);
}
