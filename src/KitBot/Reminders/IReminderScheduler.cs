namespace KitBot.Reminders;

/// <summary>
/// The narrow seam over Hangfire (STYLE.md 11): jobs carry a review id only and are safe to run twice, because
/// delivery claims the review in storage before sending.
/// </summary>
public interface IReminderScheduler
{
    /// <summary>Schedules a delivery attempt for a review at its reminder time.</summary>
    void ScheduleDelivery(string reviewId, DateTimeOffset at);

    /// <summary>Registers the recurring sweep and runs one sweep now (catching up after a restart).</summary>
    void StartSweeping();
}
