using KitBot.Dialogs.Reviews;

namespace KitBot.Dialogs.Requests;

/// <summary>When an unclaimed request is raised again, and when the practitioner hears that nobody has taken it.</summary>
public static class RequestTiming
{
    /// <summary>
    /// <paramref name="wait"/> of working time after <paramref name="from"/>: the clock only runs inside working
    /// hours, so a request made at 17:00 with a two-hour wait is raised at 11:00 the next working morning
    /// (09:30 to 17:30 hours).
    /// </summary>
    public static DateTimeOffset RaiseAt(WorkingHours hours, DateTimeOffset from, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var remaining = wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        var at = hours.NextSlot(from);
        // Bounded by the number of working days the wait spans.
        for (var i = 0; i < 1000; i++)
        {
            var close = WorkingHours.ToInstant(hours.LocalDate(at), hours.End, hours.Zone);
            if (at + remaining <= close)
            {
                return at + remaining;
            }

            remaining -= close - at;
            at = hours.NextSlot(close);
        }

        throw new InvalidOperationException("The wait before raising a request again spans too many working days.");
    }

    /// <summary>The close of the working day after the one a request was made on (a request made on a Friday: Monday's close).</summary>
    public static DateTimeOffset NoticeAt(WorkingHours hours, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var day = hours.LocalDate(created);
        for (var next = day.AddDays(1); next <= day.AddDays(800); next = next.AddDays(1))
        {
            if (hours.IsWorkingDay(next))
            {
                return WorkingHours.ToInstant(next, hours.End, hours.Zone);
            }
        }

        throw new InvalidOperationException("No working day in the next two years: check the working days and bank holidays settings.");
    }
}
