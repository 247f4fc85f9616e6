using Microsoft.Extensions.Options;

namespace KitBot.Channels.Slack;

/// <summary>
/// Paces <c>chat.postMessage</c> per channel under Slack's limit (about one per second, short bursts allowed):
/// a generic cell rate algorithm, so a burst goes out at once and anything beyond waits its turn on the injected clock.
/// </summary>
public sealed class SlackChannelPacer(IOptions<SlackOptions> options, TimeProvider time)
{
    private const int PruneAbove = 10_000;
    private readonly Dictionary<string, DateTimeOffset> _next = new(StringComparer.Ordinal);

    /// <summary>Completes when a message may be posted to <paramref name="channel"/>; the slot is reserved at once.</summary>
    public Task WaitAsync(string channel, CancellationToken cancellationToken)
    {
        var interval = options.Value.MessageInterval;
        var tolerance = interval * (options.Value.MessageBurst - 1);
        TimeSpan wait;
        lock (_next)
        {
            var now = time.GetUtcNow();
            var theoretical = _next.TryGetValue(channel, out var next) && next > now ? next : now;
            var allowedAt = theoretical - tolerance;
            wait = allowedAt > now ? allowedAt - now : TimeSpan.Zero;
            _next[channel] = theoretical + interval;
            if (_next.Count > PruneAbove)
            {
                // Channels idle long enough to have a full burst again need no entry.
                foreach (var idle in _next.Where(e => e.Value <= now).Select(e => e.Key).ToList())
                {
                    _next.Remove(idle);
                }
            }
        }

        return wait == TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait, time, cancellationToken);
    }
}
