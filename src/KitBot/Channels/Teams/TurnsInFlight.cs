using System.Collections.Concurrent;

namespace KitBot.Channels.Teams;

/// <summary>
/// Turns still sending replies after their request was answered (a slow connector). The host waits for them when
/// it stops (within its shutdown timeout), so a deploy does not cut a reply off half-way through a turn.
/// </summary>
public sealed class TurnsInFlight : IHostedService
{
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    /// <summary>How many are still running.</summary>
    public int Count => _running.Count;

    /// <summary>Keeps <paramref name="turn"/> until it finishes.</summary>
    public void Track(Task turn)
    {
        if (_running.TryAdd(turn, 0))
        {
            _ = turn.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(_running.Keys).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout ran out first.
        }
        catch (Exception)
        {
            // A failed turn has been logged where it failed; stopping goes on.
        }
    }
}
