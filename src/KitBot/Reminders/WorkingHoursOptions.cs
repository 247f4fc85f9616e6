using System.ComponentModel.DataAnnotations;

namespace KitBot.Reminders;

/// <summary>The <c>Reminders:WorkingHours</c> settings section.</summary>
public sealed class WorkingHoursOptions
{
    /// <summary>When reminders may start arriving each working day (local time, HH:mm).</summary>
    [Required]
    public string Start { get; set; } = "09:30";

    /// <summary>After this local time a reminder waits for the next working day (HH:mm).</summary>
    [Required]
    public string End { get; set; } = "17:30";

    /// <summary>The working days; null means Monday to Friday (null, because binding appends to a filled array).</summary>
    public DayOfWeek[]? Days { get; set; }

    /// <summary>The working days in force.</summary>
    public IReadOnlyList<DayOfWeek> EffectiveDays =>
        Days ?? [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>Bank holidays (yyyy-MM-dd) on which no reminder arrives.</summary>
    public string[] BankHolidays { get; set; } = [];
}
