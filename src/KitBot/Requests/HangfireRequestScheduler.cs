using Hangfire;

namespace KitBot.Requests;

/// <summary>The Hangfire implementation of <see cref="IRequestScheduler"/>.</summary>
public sealed class HangfireRequestScheduler(IBackgroundJobClient jobs) : IRequestScheduler
{
    public void ScheduleRaise(string requestId, DateTimeOffset at) =>
        jobs.Schedule<RequestJobs>(j => j.RaiseAsync(requestId, CancellationToken.None), at);

    public void ScheduleNotice(string requestId, DateTimeOffset at) =>
        jobs.Schedule<RequestJobs>(j => j.NoticeAsync(requestId, CancellationToken.None), at);
}
