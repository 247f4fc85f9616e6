using Microsoft.Extensions.Options;

namespace KitBot.Channels.Slack;

/// <summary>
/// Remembers recent <c>event_id</c>s so Slack's retries (after a slow or lost acknowledgement) are processed once.
/// Bounded and expiring, in memory: right for one instance. Several instances behind a load balancer would need
/// the shared store instead, since a retry can reach a different instance.
/// </summary>
public sealed class SlackEventDeduplicator(IOptions<SlackOptions> options, TimeProvider time)
{
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, DateTimeOffset Expires)> _order = new();

    /// <summary>True the first time an event id is seen within the window; false for a retry.</summary>
    public bool TryBegin(string eventId)
    {
        var now = time.GetUtcNow();
        lock (_seen)
        {
            Prune(now);
            if (_seen.TryGetValue(eventId, out var expires) && expires > now)
            {
                return false;
            }

            var until = now + options.Value.DeduplicationWindow;
            _seen[eventId] = until;
            _order.Enqueue((eventId, until));
            return true;
        }
    }

    /// <summary>Forgets an event id whose processing could not start, so Slack's retry is accepted.</summary>
    public void Forget(string eventId)
    {
        lock (_seen)
        {
            _seen.Remove(eventId);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        var capacity = options.Value.DeduplicationCapacity;
        while (_order.TryPeek(out var oldest) && (oldest.Expires <= now || _order.Count > capacity))
        {
            _order.Dequeue();
            if (_seen.TryGetValue(oldest.Id, out var expires) && expires == oldest.Expires)
            {
                _seen.Remove(oldest.Id);
            }
        }
    }
}
