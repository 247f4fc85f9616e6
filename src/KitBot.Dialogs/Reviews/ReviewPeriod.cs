using System.Globalization;
using System.Text.RegularExpressions;

namespace KitBot.Dialogs.Reviews;

/// <summary>
/// A calendar period written the ISO 8601 way (<c>P4W</c>, <c>P3M</c>, <c>P1Y</c>, <c>P1Y6M</c>), as the review
/// rules use it in settings. Months and years are calendar months: a date past the end of the target month
/// is clamped to its last day (31 August plus 6 months is 28 or 29 February), never rolled into the next
/// month, because review dates are the latest a review may happen.
/// </summary>
public readonly partial record struct ReviewPeriod(int Years, int Months, int Days)
{
    /// <summary>Reads a period such as <c>P4W</c>; throws with the text when it is not one.</summary>
    public static ReviewPeriod Parse(string text)
    {
        var match = Pattern().Match(text?.Trim() ?? string.Empty);
        if (!match.Success || match.Length == 1)
        {
            throw new FormatException($"'{text}' is not a period like P4W, P3M, P6M or P1Y.");
        }

        int Part(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        return new ReviewPeriod(Part("y"), Part("m"), (Part("w") * 7) + Part("d"));
    }

    /// <summary>True when <paramref name="text"/> is a valid, non-empty period.</summary>
    public static bool TryParse(string? text, out ReviewPeriod period)
    {
        try
        {
            period = Parse(text ?? string.Empty);
            return !period.IsZero;
        }
        catch (FormatException)
        {
            period = default;
            return false;
        }
    }

    /// <summary>True for a period of no length.</summary>
    public bool IsZero => Years == 0 && Months == 0 && Days == 0;

    /// <summary>Adds the period to a date: calendar months first (clamped to the month end), then days.</summary>
    public DateOnly AddTo(DateOnly date) => date.AddMonths((Years * 12) + Months).AddDays(Days);

    /// <summary>Adds the period <paramref name="times"/> times, counted from <paramref name="date"/> in one step, so month ends do not drift.</summary>
    public DateOnly AddTo(DateOnly date, int times) =>
        date.AddMonths(((Years * 12) + Months) * times).AddDays(Days * times);

    public override string ToString() =>
        "P" + (Years > 0 ? $"{Years}Y" : "") + (Months > 0 ? $"{Months}M" : "") + (Days > 0 ? $"{Days}D" : "");

    [GeneratedRegex(@"^P(?:(?<y>\d{1,3})Y)?(?:(?<m>\d{1,4})M)?(?:(?<w>\d{1,4})W)?(?:(?<d>\d{1,5})D)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
