using Hangfire;
using KitBot.Reminders;
using Microsoft.Extensions.Options;

namespace KitBot.Requests;

/// <summary>The Hangfire implementation of <see cref="IRequestScheduler"/>.</summary>
public sealed class HangfireRequestScheduler(
    IBackgroundJobClient jobs,
    IRecurringJobManager recurring,
    IOptions<ReminderOptions> options) : IRequestScheduler
{
    /// <summary>The recurring sweep's id.</summary>
    public const string SweepJobId = "kitbot-request-sweep";

    public void ScheduleRaise(string requestId, DateTimeOffset at) =>
        jobs.Schedule<RequestJobs>(j => j.RaiseAsync(requestId, CancellationToken.None), at);

    public void ScheduleNotice(string requestId, DateTimeOffset at) =>
        jobs.Schedule<RequestJobs>(j => j.NoticeAsync(requestId, CancellationToken.None), at);

    public void StartSweeping()
    {
        // The same interval as the reminders' sweep (Reminders:SweepInterval).
        recurring.AddOrUpdate<RequestJobs>(SweepJobId, j => j.SweepAsync(CancellationToken.None), HangfireReminderScheduler.Cron(options.Value.SweepInterval));
        jobs.Enqueue<RequestJobs>(j => j.SweepAsync(CancellationToken.None));
    }
}
