namespace KitBot.Dialogs.Reviews;

/// <summary>
/// When a reminder may arrive: a daily window (09:30 to 17:30 by default) on working days in the
/// practitioner's time zone, skipping listed bank holidays. Clock changes are handled explicitly: a local
/// time that does not exist (spring forward) moves on by the gap, and one that happens twice (autumn back)
/// means its first occurrence, so a reminder is neither lost nor doubled.
/// </summary>
public sealed class WorkingHours
{
    private readonly HashSet<DayOfWeek> _days;
    private readonly HashSet<DateOnly> _holidays;

    /// <summary>Builds the working hours for one time zone.</summary>
    public WorkingHours(TimeZoneInfo zone, TimeOnly start, TimeOnly end, IEnumerable<DayOfWeek> days, IEnumerable<DateOnly> holidays)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (end <= start)
        {
            throw new ArgumentException($"The working day must end ({end}) after it starts ({start}).", nameof(end));
        }

        Zone = zone;
        Start = start;
        End = end;
        _days = [.. days];
        _holidays = [.. holidays];
        if (_days.Count == 0)
        {
            throw new ArgumentException("At least one working day is needed.", nameof(days));
        }
    }

    /// <summary>The practitioner's time zone.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>When the daily window opens (local time).</summary>
    public TimeOnly Start { get; }

    /// <summary>When the daily window closes (local time); a reminder due then waits for the next working day.</summary>
    public TimeOnly End { get; }

    /// <summary>True when <paramref name="date"/> is a working day and not a bank holiday.</summary>
    public bool IsWorkingDay(DateOnly date) => _days.Contains(date.DayOfWeek) && !_holidays.Contains(date);

    /// <summary>The practitioner's calendar date at an instant.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>
    /// The first instant at or after <paramref name="instant"/> inside working hours: the instant itself when it
    /// already is, else the window's opening on the next working day.
    /// </summary>
    public DateTimeOffset NextSlot(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Zone).DateTime;
        var date = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        if (IsWorkingDay(date) && time < End)
        {
            if (time >= Start)
            {
                return instant.ToUniversalTime();
            }

            var opening = ToInstant(date, Start, Zone);
            if (opening >= instant)
            {
                return opening;
            }
        }

        // Bounded: a year holds working days unless every day is a holiday, which settings validation prevents.
        for (var day = date.AddDays(1); day <= date.AddDays(800); day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                return ToInstant(day, Start, Zone);
            }
        }

        throw new InvalidOperationException("No working day in the next two years: check the working days and bank holidays settings.");
    }

    /// <summary>
    /// When the reminder for a review due on <paramref name="due"/> should arrive: <paramref name="daysBefore"/>
    /// calendar days earlier at the window's opening, moved to the next working slot when that is not one.
    /// </summary>
    public DateTimeOffset ReminderSlot(DateOnly due, int daysBefore = 0) =>
        NextSlot(ToInstant(due.AddDays(-Math.Max(0, daysBefore)), Start, Zone));

    /// <summary>
    /// The instant a local date and time means in <paramref name="zone"/>. A time skipped by a spring-forward
    /// change is read with the offset before the change (01:30 becomes 02:30 summer time in London); a time
    /// that happens twice in an autumn change is its first occurrence.
    /// </summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
        {
            // The offset in force before the gap; no zone changes its clocks twice within 12 hours.
            offset = zone.GetUtcOffset(local.AddHours(-12));
        }
        else if (zone.IsAmbiguousTime(local))
        {
            // The first occurrence is the one with the larger offset (still on summer time).
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
