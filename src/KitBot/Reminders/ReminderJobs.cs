using Hangfire;

namespace KitBot.Reminders;

/// <summary>
/// What Hangfire runs. Arguments are ids only (STYLE.md 11); running a job twice is harmless because delivery
/// claims the review first. Hangfire's own retries are off: delivery keeps its retry state in the reviews table.
/// </summary>
public sealed class ReminderJobs(ReminderDelivery delivery, ILogger<ReminderJobs> logger)
{
    /// <summary>The recurring sweep's Hangfire id.</summary>
    public const string SweepJobId = "kitbot-reminder-sweep";

    [AutomaticRetry(Attempts = 0)]
    public Task DeliverAsync(string reviewId, CancellationToken cancellationToken) =>
        delivery.DeliverAsync(reviewId, cancellationToken);

    [AutomaticRetry(Attempts = 0)]
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var sent = await delivery.SweepAsync(cancellationToken);
        if (sent > 0)
        {
            Log.ReminderSweep(logger, sent);
        }
    }
}
