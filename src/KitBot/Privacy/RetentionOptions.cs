using System.ComponentModel.DataAnnotations;

namespace KitBot.Privacy;

/// <summary>The <c>Retention</c> settings section.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Consultations, plans and reviews are deleted this many days after their last change.</summary>
    [Range(1, 3650)]
    public int Days { get; set; } = 90;

    /// <summary>How often the retention job runs (a cron expression, UTC); daily at 02:30 by default.</summary>
    [Required]
    public string Schedule { get; set; } = "30 2 * * *";
}
