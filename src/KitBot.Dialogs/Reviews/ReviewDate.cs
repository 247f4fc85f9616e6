using System.Globalization;
using System.Text.RegularExpressions;

namespace KitBot.Dialogs.Reviews;

/// <summary>
/// Reads a date as a practitioner in England writes it, or as a date input sends it: <c>16/11/2026</c>
/// (day first, never American), <c>16-11-2026</c>, <c>16.11.2026</c>, <c>3 March 2027</c>, <c>3rd Mar 2027</c>,
/// <c>Wednesday 3 March 2027</c>, and ISO <c>2027-03-03</c>.
/// </summary>
public static partial class ReviewDate
{
    private static readonly string[] Months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>The date, or null when the text is not one of the forms above or not a real date (31/02/2027).</summary>
    public static DateOnly? Read(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            return iso;
        }

        if (Numeric().Match(value) is { Success: true } n)
        {
            return Make(Int(n.Groups["y"].Value), Int(n.Groups["m"].Value), Int(n.Groups["d"].Value));
        }

        if (Words().Match(value) is { Success: true } w)
        {
            var month = Array.FindIndex(Months, m => w.Groups["m"].Value.StartsWith(m, StringComparison.OrdinalIgnoreCase)) + 1;
            var name = w.Groups["m"].Value.ToLowerInvariant();
            var full = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[Math.Max(month - 1, 0)].ToLowerInvariant();
            return month > 0 && (name.Length == 3 || (name == "sept" && month == 9) || name == full)
                ? Make(Int(w.Groups["y"].Value), month, Int(w.Groups["d"].Value))
                : null;
        }

        return null;
    }

    private static int Int(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private static DateOnly? Make(int year, int month, int day) =>
        year is >= 1900 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    [GeneratedRegex(@"^(?<d>\d{1,2})[/.\-](?<m>\d{1,2})[/.\-](?<y>\d{4})$")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"^(?:[A-Za-z]+,?\s+)?(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<m>[A-Za-z]{3,9})\.?,?\s+(?<y>\d{4})$", RegexOptions.IgnoreCase)]
    private static partial Regex Words();
}
