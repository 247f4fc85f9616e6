namespace KitBot.Requests;

/// <summary>The narrow seam over Hangfire for requests: jobs carry a request id only and are safe to run twice.</summary>
public interface IRequestScheduler
{
    /// <summary>Schedules raising an unclaimed request again in the consultants' channel.</summary>
    void ScheduleRaise(string requestId, DateTimeOffset at);

    /// <summary>Schedules telling the practitioner that nobody has taken the request.</summary>
    void ScheduleNotice(string requestId, DateTimeOffset at);

    /// <summary>Registers the recurring sweep and runs one now: after a restart with in-memory Hangfire, scheduled jobs are gone.</summary>
    void StartSweeping();
}
