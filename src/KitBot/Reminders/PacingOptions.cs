using System.ComponentModel.DataAnnotations;

namespace KitBot.Reminders;

/// <summary>
/// The <c>Reminders:Pacing</c> settings section: token buckets kept below Teams' limits (PROTOCOLS.md section 1:
/// per conversation 7 a second, 60 in 30 seconds, 1800 an hour; about 50 a second per app per tenant).
/// </summary>
public sealed class PacingOptions
{
    /// <summary>Reminders sent at once to one conversation before pacing starts.</summary>
    [Range(1, 7)]
    public int PerConversationBurst { get; set; } = 5;

    /// <summary>Sustained reminders a second to one conversation (0.45 stays under 1800 an hour).</summary>
    [Range(0.01, 7)]
    public double PerConversationPerSecond { get; set; } = 0.45;

    /// <summary>Reminders sent at once by this instance before pacing starts.</summary>
    [Range(1, 10_000)]
    public int GlobalBurst { get; set; } = 20;

    /// <summary>Sustained reminders a second from this instance; leave room for replies and other instances.</summary>
    [Range(0.1, 10_000)]
    public double GlobalPerSecond { get; set; } = 20;
}
