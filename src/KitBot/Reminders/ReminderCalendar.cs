using System.Collections.Concurrent;
using System.Globalization;
using KitBot.Dialogs.Reviews;
using Microsoft.Extensions.Options;

namespace KitBot.Reminders;

/// <summary>Working hours per practitioner time zone, from settings; an unknown zone falls back to the default.</summary>
public sealed class ReminderCalendar
{
    private readonly ReminderOptions _options;
    private readonly TimeOnly _start;
    private readonly TimeOnly _end;
    private readonly DateOnly[] _holidays;
    private readonly ConcurrentDictionary<string, WorkingHours> _byZone = new(StringComparer.Ordinal);

    public ReminderCalendar(IOptions<ReminderOptions> options)
    {
        _options = options.Value;
        var hours = _options.WorkingHours;
        _start = TimeOnly.ParseExact(hours.Start, "HH:mm", CultureInfo.InvariantCulture);
        _end = TimeOnly.ParseExact(hours.End, "HH:mm", CultureInfo.InvariantCulture);
        _holidays = hours.BankHolidays.Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray();
        DefaultZone = TimeZoneInfo.FindSystemTimeZoneById(_options.DefaultTimeZone).Id;
        // Due dates move off weekends and the bank holidays in settings, as reminders do.
        Rules = new ReviewRules(_options.Rules, _holidays, hours.EffectiveDays);
    }

    /// <summary>The default IANA zone.</summary>
    public string DefaultZone { get; }

    /// <summary>The review rules in force.</summary>
    public ReviewRules Rules { get; }

    /// <summary>Days before the due date that the reminder comes.</summary>
    public int DaysBefore => _options.DaysBefore;

    /// <summary>The zone to use: the channel's when it names a known zone, else the default.</summary>
    public string ResolveZone(string? channelZone) =>
        !string.IsNullOrWhiteSpace(channelZone) && TimeZoneInfo.TryFindSystemTimeZoneById(channelZone, out var zone) ? zone.Id : DefaultZone;

    /// <summary>The working hours in a zone.</summary>
    public WorkingHours For(string? zoneId) =>
        _byZone.GetOrAdd(ResolveZone(zoneId), id => new WorkingHours(
            TimeZoneInfo.FindSystemTimeZoneById(id), _start, _end, _options.WorkingHours.EffectiveDays, _holidays));
}
