using Microsoft.Extensions.Options;

namespace KitBot.Reminders;

/// <summary>
/// Token buckets, one per conversation and one for this instance, refilled by the injected clock, so proactive
/// reminders stay under the channel's rate limits instead of relying on 429s.
/// </summary>
public sealed class ReminderPacer(TimeProvider time, IOptions<ReminderOptions> options)
{
    private const int PruneAbove = 10_000;
    private readonly PacingOptions _pacing = options.Value.Pacing;
    private readonly object _gate = new();
    private readonly Dictionary<string, Bucket> _conversations = new(StringComparer.Ordinal);
    private Bucket? _global;

    /// <summary>
    /// Waits (on the injected clock) until one more message to <paramref name="conversationKey"/> is within the
    /// limits, and takes it; returns the wait still needed, without taking anything, when it would exceed
    /// <paramref name="maxWait"/> (the caller then tries later rather than hold its claim).
    /// </summary>
    public async Task<TimeSpan> WaitAsync(string conversationKey, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = TryTake(conversationKey, time.GetUtcNow());
            if (wait <= TimeSpan.Zero || wait > maxWait)
            {
                return wait;
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>Takes a token from both buckets and returns zero, or takes nothing and returns how long until both have one.</summary>
    public TimeSpan TryTake(string conversationKey, DateTimeOffset now)
    {
        lock (_gate)
        {
            _global ??= new Bucket(_pacing.GlobalBurst, now);
            if (!_conversations.TryGetValue(conversationKey, out var conversation))
            {
                if (_conversations.Count >= PruneAbove)
                {
                    Prune(now);
                }

                conversation = _conversations[conversationKey] = new Bucket(_pacing.PerConversationBurst, now);
            }

            var globalWait = _global.WaitFor(now, _pacing.GlobalBurst, _pacing.GlobalPerSecond);
            var conversationWait = conversation.WaitFor(now, _pacing.PerConversationBurst, _pacing.PerConversationPerSecond);
            var wait = globalWait > conversationWait ? globalWait : conversationWait;
            if (wait > TimeSpan.Zero)
            {
                return wait;
            }

            _global.Tokens -= 1;
            conversation.Tokens -= 1;
            return TimeSpan.Zero;
        }
    }

    // Buckets that have refilled carry no information: drop them so the dictionary stays small.
    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, bucket) in _conversations.ToList())
        {
            if (bucket.WaitFor(now, _pacing.PerConversationBurst, _pacing.PerConversationPerSecond) == TimeSpan.Zero
                && bucket.Tokens >= _pacing.PerConversationBurst)
            {
                _conversations.Remove(key);
            }
        }
    }

    private sealed class Bucket(double tokens, DateTimeOffset updated)
    {
        public double Tokens { get; set; } = tokens;

        private DateTimeOffset Updated { get; set; } = updated;

        /// <summary>Refills for the time passed, then says how long until a whole token is there.</summary>
        public TimeSpan WaitFor(DateTimeOffset now, int capacity, double perSecond)
        {
            if (now > Updated)
            {
                Tokens = Math.Min(capacity, Tokens + ((now - Updated).TotalSeconds * perSecond));
                Updated = now;
            }

            return Tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Ceiling((1 - Tokens) / perSecond * 1000) / 1000);
        }
    }
}
