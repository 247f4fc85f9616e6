using System.ComponentModel.DataAnnotations;

namespace KitBot.Reminders;

/// <summary>The <c>Reminders:Hangfire</c> settings section.</summary>
public sealed class HangfireStorageOptions
{
    /// <summary><c>InMemory</c> (default; lost on restart, the sweep makes up for it) or <c>PostgreSql</c>.</summary>
    [Required]
    [RegularExpression("^(InMemory|PostgreSql)$", ErrorMessage = "Reminders:Hangfire:Storage must be InMemory or PostgreSql.")]
    public string Storage { get; set; } = "InMemory";

    /// <summary>The PostgreSQL connection string for Hangfire; empty means Storage:PostgreSql:ConnectionString.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The PostgreSQL schema Hangfire creates its tables in.</summary>
    [Required]
    public string Schema { get; set; } = "hangfire";

    /// <summary>Whether this instance runs a Hangfire server (workers); false for an instance that only answers chat.</summary>
    public bool Server { get; set; } = true;

    /// <summary>Hangfire workers in this instance.</summary>
    [Range(1, 64)]
    public int WorkerCount { get; set; } = 2;

    /// <summary>How often Hangfire looks for scheduled jobs that have become due.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(15);
}
