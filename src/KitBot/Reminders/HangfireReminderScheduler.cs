using System.Globalization;
using Hangfire;
using Microsoft.Extensions.Options;

namespace KitBot.Reminders;

/// <summary>The Hangfire implementation of <see cref="IReminderScheduler"/>.</summary>
public sealed class HangfireReminderScheduler(
    IBackgroundJobClient jobs,
    IRecurringJobManager recurring,
    IOptions<ReminderOptions> options) : IReminderScheduler
{
    public void ScheduleDelivery(string reviewId, DateTimeOffset at) =>
        jobs.Schedule<ReminderJobs>(j => j.DeliverAsync(reviewId, CancellationToken.None), at);

    public void StartSweeping()
    {
        recurring.AddOrUpdate<ReminderJobs>(ReminderJobs.SweepJobId, j => j.SweepAsync(CancellationToken.None), Cron(options.Value.SweepInterval));
        jobs.Enqueue<ReminderJobs>(j => j.SweepAsync(CancellationToken.None));
    }

    /// <summary>A cron expression for an interval: seconds (six fields) under a minute, else whole minutes or hours.</summary>
    public static string Cron(TimeSpan interval) => interval switch
    {
        { TotalSeconds: < 60 } => string.Create(CultureInfo.InvariantCulture, $"*/{Math.Max(1, (int)interval.TotalSeconds)} * * * * *"),
        { TotalMinutes: < 60 } => string.Create(CultureInfo.InvariantCulture, $"*/{(int)interval.TotalMinutes} * * * *"),
        _ => string.Create(CultureInfo.InvariantCulture, $"0 */{Math.Min(23, (int)interval.TotalHours)} * * *"),
    };
}
