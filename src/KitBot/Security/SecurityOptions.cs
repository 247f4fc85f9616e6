using System.ComponentModel.DataAnnotations;

namespace KitBot.Security;

/// <summary>The <c>Security</c> settings section.</summary>
public sealed class SecurityOptions : IValidatableObject
{
    public const string Section = "Security";

    /// <summary>
    /// Inbound turns (messages, card actions, commands) one person may send a minute, per channel, across the whole
    /// deployment; more get 429. Each instance enforces its share (this divided by <see cref="Instances"/>).
    /// </summary>
    [Range(1, 100_000)]
    public int TurnsPerMinutePerUser { get; set; } = 60;

    /// <summary>
    /// How many instances serve this deployment (behind one load balancer, on one database). The per-person turn
    /// limit and reminder pacing are shared out: each instance enforces the configured figure divided by this.
    /// </summary>
    [Range(1, 100)]
    public int Instances { get; set; } = 1;

    /// <summary>This instance's share of <see cref="TurnsPerMinutePerUser"/>: never more than the whole between them, at least 1.</summary>
    public int TurnsPerMinutePerUserHere => Math.Max(1, TurnsPerMinutePerUser / Instances);

    /// <summary>
    /// The addresses of reverse proxies whose <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c> KitBot believes
    /// (ASP.NET Core's ForwardedHeaders middleware). Empty: no forwarded header is believed, from anywhere, loopback included.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies)
        {
            if (!System.Net.IPAddress.TryParse(proxy, out _))
            {
                yield return new ValidationResult($"Security:KnownProxies must list IP addresses; '{proxy}' is not one.", [nameof(KnownProxies)]);
            }
        }
    }
}
