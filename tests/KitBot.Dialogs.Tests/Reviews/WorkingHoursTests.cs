using KitBot.Dialogs.Reviews;

namespace KitBot.Dialogs.Tests.Reviews;

public sealed class WorkingHoursTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static readonly DayOfWeek[] Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static readonly WorkingHours Hours = new(
        London, new TimeOnly(9, 30), new TimeOnly(17, 30), Weekdays, [D("2025-12-25"), D("2025-12-26"), D("2026-01-01")]);

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void DueOnAWeekday_ArrivesAt0930LocalThatDay()
    {
        Assert.Equal(Utc("2025-06-10T08:30:00Z"), Hours.ReminderSlot(D("2025-06-10")));   // BST
        Assert.Equal(Utc("2025-01-14T09:30:00Z"), Hours.ReminderSlot(D("2025-01-14")));   // GMT
    }

    [Fact]
    public void DueAtAWeekend_ArrivesMondayMorning()
    {
        Assert.Equal(Utc("2025-06-16T08:30:00Z"), Hours.ReminderSlot(D("2025-06-14")));
        Assert.Equal(Utc("2025-06-16T08:30:00Z"), Hours.ReminderSlot(D("2025-06-15")));
    }

    [Fact]
    public void DueOnABankHoliday_ArrivesOnTheNextWorkingDay()
    {
        // Christmas Day and Boxing Day (Thursday, Friday), then a weekend: Monday 29 December.
        Assert.Equal(Utc("2025-12-29T09:30:00Z"), Hours.ReminderSlot(D("2025-12-25")));
        Assert.Equal(Utc("2026-01-02T09:30:00Z"), Hours.ReminderSlot(D("2026-01-01")));
    }

    [Fact]
    public void DueOn29February_ArrivesThatDay() =>
        Assert.Equal(Utc("2024-02-29T09:30:00Z"), Hours.ReminderSlot(D("2024-02-29")));

    [Fact]
    public void AtNight_WaitsForTheNextMorning_AndInHoursIsImmediate()
    {
        Assert.Equal(Utc("2025-06-11T08:30:00Z"), Hours.NextSlot(Utc("2025-06-10T19:00:00Z")));  // 20:00 BST Tuesday
        Assert.Equal(Utc("2025-06-10T08:30:00Z"), Hours.NextSlot(Utc("2025-06-10T05:00:00Z")));  // 06:00 BST Tuesday
        Assert.Equal(Utc("2025-06-10T10:00:00Z"), Hours.NextSlot(Utc("2025-06-10T10:00:00Z")));  // 11:00 BST
        Assert.Equal(Utc("2025-06-16T08:30:00Z"), Hours.NextSlot(Utc("2025-06-13T16:30:00Z")));  // 17:30 BST Friday: closed
    }

    [Fact]
    public void WeekendOfTheSpringChange_ArrivesMondayAt0930SummerTime()
    {
        // Clocks go forward on Sunday 30 March 2025: Monday 09:30 BST is 08:30 UTC.
        Assert.Equal(Utc("2025-03-31T08:30:00Z"), Hours.ReminderSlot(D("2025-03-29")));
        Assert.Equal(Utc("2025-03-31T08:30:00Z"), Hours.NextSlot(Utc("2025-03-28T18:00:00Z")));
    }

    [Fact]
    public void WeekendOfTheAutumnChange_ArrivesMondayAt0930WinterTime()
    {
        // Clocks go back on Sunday 26 October 2025: Monday 09:30 GMT is 09:30 UTC.
        Assert.Equal(Utc("2025-10-27T09:30:00Z"), Hours.ReminderSlot(D("2025-10-26")));
        Assert.Equal(Utc("2025-10-27T09:30:00Z"), Hours.NextSlot(Utc("2025-10-24T17:00:00Z")));
    }

    [Fact]
    public void SlotInsideTheSpringGap_MovesOnByTheGap_NotLost()
    {
        // 01:30 does not exist in London on 30 March 2025; the reminder comes at 02:30 BST (01:30 UTC).
        var hours = new WorkingHours(London, new TimeOnly(1, 30), new TimeOnly(4, 0), Enum.GetValues<DayOfWeek>(), []);

        Assert.Equal(Utc("2025-03-30T01:30:00Z"), hours.ReminderSlot(D("2025-03-30")));
        Assert.Equal(Utc("2025-03-29T01:30:00Z"), hours.ReminderSlot(D("2025-03-29")));
        Assert.Equal(Utc("2025-03-31T00:30:00Z"), hours.ReminderSlot(D("2025-03-31")));
    }

    [Fact]
    public void SlotInsideTheAutumnOverlap_IsItsFirstOccurrence_NotDoubled()
    {
        // 01:30 happens twice in London on 26 October 2025 (00:30 and 01:30 UTC): the first is used, once.
        var hours = new WorkingHours(London, new TimeOnly(1, 30), new TimeOnly(4, 0), Enum.GetValues<DayOfWeek>(), []);

        var slots = new[] { "2025-10-25", "2025-10-26", "2025-10-27" }.Select(d => hours.ReminderSlot(D(d))).ToList();

        Assert.Equal([Utc("2025-10-25T00:30:00Z"), Utc("2025-10-26T00:30:00Z"), Utc("2025-10-27T01:30:00Z")], slots);
    }

    [Fact]
    public void EveryDayOfAYear_GetsOneSlot_OnAWorkingDayAt0930Local()
    {
        var day = D("2025-01-01");
        var previous = DateTimeOffset.MinValue;
        for (var i = 0; i < 365; i++, day = day.AddDays(1))
        {
            var slot = Hours.ReminderSlot(day);
            var local = TimeZoneInfo.ConvertTime(slot, London);
            Assert.Equal(new TimeOnly(9, 30), TimeOnly.FromDateTime(local.DateTime));
            Assert.True(Hours.IsWorkingDay(DateOnly.FromDateTime(local.DateTime)));
            Assert.True(slot >= previous);
            previous = slot;
        }
    }

    [Fact]
    public void DaysBefore_BringsTheReminderEarlier_ThenIntoWorkingHours()
    {
        Assert.Equal(Utc("2025-06-11T08:30:00Z"), Hours.ReminderSlot(D("2025-06-13"), daysBefore: 2));
        // Two days before Monday is Saturday: the next working slot is the Monday itself.
        Assert.Equal(Utc("2025-06-16T08:30:00Z"), Hours.ReminderSlot(D("2025-06-16"), daysBefore: 2));
    }

    [Fact]
    public void AnotherIanaZone_UsesItsOwnClockChanges()
    {
        var newYork = new WorkingHours(
            TimeZoneInfo.FindSystemTimeZoneById("America/New_York"), new TimeOnly(9, 30), new TimeOnly(17, 30), Weekdays, []);

        // US clocks went forward on Sunday 9 March 2025: Monday 09:30 EDT is 13:30 UTC.
        Assert.Equal(Utc("2025-03-10T13:30:00Z"), newYork.ReminderSlot(D("2025-03-08")));
    }
}
