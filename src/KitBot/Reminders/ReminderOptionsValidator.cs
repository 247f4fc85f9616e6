using System.ComponentModel.DataAnnotations;
using System.Globalization;
using KitBot.Storage;
using Microsoft.Extensions.Options;

namespace KitBot.Reminders;

/// <summary>Checks what data annotations cannot: times, dates, zones, rules, and that remote dashboard access has credentials.</summary>
public sealed class ReminderOptionsValidator(IOptions<StorageOptions> storage, IOptions<Channels.Teams.ConnectorOptions>? connector = null) : IValidateOptions<ReminderOptions>
{
    /// <summary>The shortest lease that outlasts one delivery: two connector calls at their full budget, plus a minute.</summary>
    public static TimeSpan MinimumLease(Channels.Teams.ConnectorOptions connector) => (connector.TotalBudget * 2) + TimeSpan.FromMinutes(1);

    public ValidateOptionsResult Validate(string? name, ReminderOptions options)
    {
        var errors = new List<string>();
        // Data annotations on the section itself do not reach the nested objects: check those here.
        Nested(options.WorkingHours, "WorkingHours", errors);
        Nested(options.Pacing, "Pacing", errors);
        Nested(options.Hangfire, "Hangfire", errors);
        Nested(options.Dashboard, "Dashboard", errors);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.DefaultTimeZone, out _))
        {
            errors.Add($"Reminders:DefaultTimeZone '{options.DefaultTimeZone}' is not a known IANA time zone (for example Europe/London).");
        }

        var hours = options.WorkingHours;
        var startOk = TimeOnly.TryParseExact(hours.Start, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start);
        var endOk = TimeOnly.TryParseExact(hours.End, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end);
        if (!startOk || !endOk || end <= start)
        {
            errors.Add("Reminders:WorkingHours:Start and End must be HH:mm, with End after Start.");
        }

        if (hours.EffectiveDays.Count == 0)
        {
            errors.Add("Reminders:WorkingHours:Days needs at least one day.");
        }

        foreach (var day in hours.BankHolidays)
        {
            if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                errors.Add($"Reminders:WorkingHours:BankHolidays: '{day}' is not a yyyy-MM-dd date.");
            }
        }

        try
        {
            options.Rules.Validate();
        }
        catch (FormatException e)
        {
            errors.Add(e.Message);
        }

        if (options.Dashboard.AllowRemote && !options.Dashboard.RemoteConfigured)
        {
            errors.Add("Reminders:Dashboard:AllowRemote needs Reminders:Dashboard:Username and PasswordSha256 (64 hex characters); the dashboard is never open to anonymous remote users.");
        }

        if (options.Hangfire.Storage == "PostgreSql"
            && string.IsNullOrWhiteSpace(options.Hangfire.ConnectionString)
            && string.IsNullOrWhiteSpace(storage.Value.PostgreSql.ConnectionString))
        {
            errors.Add("Reminders:Hangfire:Storage is PostgreSql but neither Reminders:Hangfire:ConnectionString nor Storage:PostgreSql:ConnectionString is set.");
        }

        // A lease shorter than one delivery (a conversation created, then the reminder sent, each within the connector's
        // budget) lets a second sweep claim a reminder still being sent: it would arrive twice.
        if (connector?.Value is { } budget && options.Lease < MinimumLease(budget))
        {
            errors.Add($"Reminders:Lease ({options.Lease}) must be at least {MinimumLease(budget)}: twice Teams:Connector:TotalBudget ({budget.TotalBudget}) plus a minute's margin, or a reminder still being sent could be sent again.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Nested(object section, string name, List<string> errors)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(section, new ValidationContext(section), results, validateAllProperties: true))
        {
            errors.AddRange(results.Select(r => $"Reminders:{name}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
        }
    }
}
