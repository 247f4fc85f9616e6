using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace KitBot.Channels.Slack;

/// <summary>
/// Between the endpoints (which only acknowledge) and <see cref="SlackWorker"/>: a request is recorded in the database
/// (<see cref="SlackWorkStore"/>) before Slack is answered, then this instance's workers are woken. Any instance's
/// workers may run it; a slash command waiting for its answer here gets it inline only when a worker of this instance does.
/// </summary>
public sealed class SlackWorkQueue(SlackWorkStore store)
{
    private readonly ConcurrentDictionary<long, SlackInlineReply> _inline = new();
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when work may have become claimable here; take it before looking, so no wake-up is missed.</summary>
    public Task Signal => Volatile.Read(ref _signal).Task;

    /// <summary>
    /// Records <paramref name="request"/> (read from <paramref name="payload"/> of <paramref name="kind"/>) and wakes the
    /// workers; false when the queue is full (nothing recorded).
    /// </summary>
    public async Task<bool> TryEnqueueAsync(SlackTurnRequest request, string kind, JsonObject payload, SlackInlineReply? inline, CancellationToken cancellationToken)
    {
        if (await store.AddAsync(ConversationOf(request), kind, payload.ToJsonString(), request.Timestamp, cancellationToken) is not { } id)
        {
            return false;
        }

        if (inline is not null)
        {
            // A worker that claimed it before this line answers through response_url instead: correct, only slower.
            _inline[id] = inline;
        }

        Notify();
        return true;
    }

    /// <summary>The waiting slash-command request for work <paramref name="id"/>, when it waits on this instance.</summary>
    public SlackInlineReply? TakeInline(long id) => _inline.TryRemove(id, out var inline) ? inline : null;

    /// <summary>Forgets an inline wait that gave up (the answer goes through response_url).</summary>
    public void Abandon(SlackInlineReply inline)
    {
        foreach (var entry in _inline.Where(e => ReferenceEquals(e.Value, inline)))
        {
            _inline.TryRemove(entry);
        }
    }

    /// <summary>Wakes the workers waiting on <see cref="Signal"/>.</summary>
    public void Notify() =>
        Interlocked.Exchange(ref _signal, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>A conversation's requests run in order: they share this key.</summary>
    public static string ConversationOf(SlackTurnRequest request) => $"{request.TeamId}:{request.ChannelId}";
}
