using KitBot.Cards;

namespace KitBot.Channels.Slack;

/// <summary>
/// A slash command's answer, handed from the worker to the waiting request if it comes within the budget. Exactly one
/// side wins: either the request answers inline, or it gave up and the worker answers through <c>response_url</c>.
/// </summary>
public sealed class SlackInlineReply
{
    private const int Waiting = 0, Delivered = 1, Abandoned = 2;
    private readonly TaskCompletionSource<IReadOnlyList<RenderedReply>> _replies = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;

    /// <summary>Called by the worker; false when the request stopped waiting (answer another way).</summary>
    public bool TryDeliver(IReadOnlyList<RenderedReply> replies)
    {
        if (Interlocked.CompareExchange(ref _state, Delivered, Waiting) != Waiting)
        {
            return false;
        }

        _replies.SetResult(replies);
        return true;
    }

    /// <summary>Waits up to <paramref name="budget"/>; null when the worker must answer later instead.</summary>
    public async Task<IReadOnlyList<RenderedReply>?> WaitAsync(TimeSpan budget, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            return await _replies.Task.WaitAsync(budget, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Delivered at the last moment: the result is about to be set, so use it.
            return Interlocked.CompareExchange(ref _state, Abandoned, Waiting) == Waiting ? null : await _replies.Task;
        }
        catch (OperationCanceledException)
        {
            Interlocked.CompareExchange(ref _state, Abandoned, Waiting);
            throw;
        }
    }
}
