using KitBot.Dialogs.Requests;
using KitBot.Dialogs.Reviews;

namespace KitBot.Dialogs.Tests.Requests;

/// <summary>When an unclaimed request is raised again (working time only) and when the practitioner hears nobody took it.</summary>
public sealed class RequestTimingTests
{
    private static readonly WorkingHours Hours = new(
        TimeZoneInfo.FindSystemTimeZoneById("Europe/London"), new TimeOnly(9, 30), new TimeOnly(17, 30),
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        [new DateOnly(2025, 12, 25), new DateOnly(2025, 12, 26)]);

    private static readonly TimeSpan TwoHours = TimeSpan.FromHours(2);

    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void InTheMorning_RaisedTwoHoursLater() =>
        Assert.Equal(Utc("2026-01-19T12:00:00Z"), RequestTiming.RaiseAt(Hours, Utc("2026-01-19T10:00:00Z"), TwoHours));

    [Fact]
    public void LateOnFriday_TheRestRunsOnMondayMorning() =>
        Assert.Equal(Utc("2026-01-19T10:30:00Z"), RequestTiming.RaiseAt(Hours, Utc("2026-01-16T16:30:00Z"), TwoHours));

    [Fact]
    public void AtNight_CountsFromTheNextOpening() =>
        Assert.Equal(Utc("2026-01-20T11:30:00Z"), RequestTiming.RaiseAt(Hours, Utc("2026-01-19T22:00:00Z"), TwoHours));

    [Fact]
    public void InSummerTime_FollowsLocalHours() =>
        Assert.Equal(Utc("2025-06-17T10:00:00Z"), RequestTiming.RaiseAt(Hours, Utc("2025-06-16T16:00:00Z"), TwoHours));   // 17:00 BST Monday: 30 min, then 11:00 BST Tuesday

    [Fact]
    public void OverChristmas_SkipsTheBankHolidays() =>
        Assert.Equal(Utc("2025-12-29T10:30:00Z"), RequestTiming.RaiseAt(Hours, Utc("2025-12-24T16:30:00Z"), TwoHours));

    [Fact]
    public void Notice_IsTheCloseOfTheNextWorkingDay()
    {
        Assert.Equal(Utc("2026-01-20T17:30:00Z"), RequestTiming.NoticeAt(Hours, Utc("2026-01-19T10:00:00Z")));
        Assert.Equal(Utc("2026-01-19T17:30:00Z"), RequestTiming.NoticeAt(Hours, Utc("2026-01-16T16:30:00Z")));   // Friday: Monday
        Assert.Equal(Utc("2026-01-19T17:30:00Z"), RequestTiming.NoticeAt(Hours, Utc("2026-01-17T12:00:00Z")));   // Saturday: Monday
    }
}
