using System.ComponentModel.DataAnnotations;

namespace KitBot.Channels.Teams;

/// <summary>
/// The <c>Teams:Connector</c> settings section: how calls to the Bot Framework connector are retried. Throttling
/// (429) and transient failures (412, 502, 503, 504, network errors, timeouts) are retried with exponential backoff
/// and full jitter, honouring <c>Retry-After</c>, within both an attempt count and a total time budget.
/// </summary>
public sealed class ConnectorOptions : IValidatableObject
{
    public const string Section = "Teams:Connector";

    /// <summary>Attempts per call, the first included. A 401 adds one more attempt with a fresh token.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The backoff before the first retry; it doubles with each retry up to <see cref="MaxDelay"/>, then is jittered.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The largest backoff KitBot chooses itself. A longer <c>Retry-After</c> is still honoured, within <see cref="TotalBudget"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>How long one attempt (token and HTTP request) may take before it counts as a timeout and is retried.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The most time one call may take, waits included. A retry that would end later is not made, so a long
    /// <c>Retry-After</c> fails the call at once instead of holding it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan TotalBudget { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BaseDelay > MaxDelay)
        {
            yield return new ValidationResult(
                $"Teams:Connector:BaseDelay ({BaseDelay}) must not be longer than Teams:Connector:MaxDelay ({MaxDelay}).",
                [nameof(BaseDelay), nameof(MaxDelay)]);
        }
    }
}
