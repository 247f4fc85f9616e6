using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace KitBot.Security;

/// <summary>
/// Limits inbound turns per person (a fixed one-minute window per user key), so one account, or a stolen
/// token, cannot flood the bot or the store. In memory, per instance: behind several instances each enforces its
/// share (<see cref="SecurityOptions.TurnsPerMinutePerUserHere"/>), so between them a person never gets more than the setting.
/// </summary>
public sealed class TurnRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public TurnRateLimiter(IOptions<SecurityOptions> options)
    {
        var permits = options.Value.TurnsPerMinutePerUserHere;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>True when <paramref name="userKey"/> (channel and user id) may have another turn now.</summary>
    public bool TryAcquire(string userKey)
    {
        using var lease = _limiter.AttemptAcquire(userKey);
        return lease.IsAcquired;
    }

    /// <summary>The answer to a person over the limit: 429, a problem description, nothing processed.</summary>
    public static IResult TooMany() => Results.Problem(
        statusCode: StatusCodes.Status429TooManyRequests,
        title: "Too many requests",
        detail: "Too many messages from this person in the last minute; nothing was processed. Try again in a minute.");

    public void Dispose() => _limiter.Dispose();
}
