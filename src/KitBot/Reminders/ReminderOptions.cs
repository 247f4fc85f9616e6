using System.ComponentModel.DataAnnotations;
using KitBot.Dialogs.Reviews;

namespace KitBot.Reminders;

/// <summary>The <c>Reminders</c> settings section: review rules, working hours, delivery, pacing, Hangfire, dashboard.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>The time zone used when the channel does not say the practitioner's (an IANA id).</summary>
    [Required]
    public string DefaultTimeZone { get; set; } = "Europe/London";

    /// <summary>When reminders may arrive.</summary>
    [Required]
    public WorkingHoursOptions WorkingHours { get; set; } = new();

    /// <summary>How many calendar days before a review's due date its reminder comes (0 = on the day).</summary>
    [Range(0, 60)]
    public int DaysBefore { get; set; }

    /// <summary>How long a delivery holds its claim on a review; after a crash, the sweep sends it again once this has passed.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the sweep looks for reminders that are due and undelivered.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many due reviews one sweep round reads at a time.</summary>
    [Range(1, 10_000)]
    public int SweepBatch { get; set; } = 200;

    /// <summary>How many reminders one instance sends at once.</summary>
    [Range(1, 64)]
    public int DeliveryConcurrency { get; set; } = 4;

    /// <summary>Delivery attempts (429s and other transient failures) before a reminder is given up as failed.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait before the first retry; it doubles each time (with jitter), up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait between retries.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Working days a sent reminder may go unanswered (not marked reviewed, snoozed, rescheduled or stopped) before it
    /// also goes to the plan's reminder partner, if it has one. A reminder that cannot reach the owner goes at once.
    /// </summary>
    [Range(1, 60)]
    public int EscalateAfterWorkingDays { get; set; } = 3;

    /// <summary>
    /// Whether practitioners may have their review reminders posted in a team channel ("send my reviews here"), as a
    /// note naming them and the due date only. False keeps every reminder in personal chats (and ignores earlier choices).
    /// </summary>
    public bool TeamChannels { get; set; } = true;

    /// <summary>Pacing under the channel's rate limits.</summary>
    [Required]
    public PacingOptions Pacing { get; set; } = new();

    /// <summary>Where Hangfire keeps its jobs, and whether this instance runs a Hangfire server.</summary>
    [Required]
    public HangfireStorageOptions Hangfire { get; set; } = new();

    /// <summary>Who may open the Hangfire dashboard.</summary>
    [Required]
    public DashboardAccessOptions Dashboard { get; set; } = new();

    /// <summary>The review schedule rules.</summary>
    [Required]
    public ReviewRuleOptions Rules { get; set; } = new();
}
