using System.ComponentModel.DataAnnotations;

namespace KitBot.Security;

/// <summary>The <c>Security</c> settings section.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Inbound turns (messages, card actions, commands) one person may send a minute, per channel; more get 429.</summary>
    [Range(1, 100_000)]
    public int TurnsPerMinutePerUser { get; set; } = 60;
}
