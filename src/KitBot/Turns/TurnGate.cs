namespace KitBot.Turns;

/// <summary>
/// Bounds how many turns run at once; turns beyond the bound wait their turn in arrival order. Under a burst (a
/// thousand conversations at once) the memory a running turn holds (its state, rendered cards, an outbound
/// connection to the connector) then stays that of the bound. A request takes its slot before its body is read, so
/// one waiting for a slot holds no more than the connection it came on: a thousand parsed activities waiting for a
/// slot outlive the young generation and are collected only from the old one (docs/benchmarks.md, peak memory).
/// On two cores a few dozen running turns already use all the CPU, so the queue adds no latency the CPU would not.
/// </summary>
public sealed class TurnGate(int maxInFlight) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(maxInFlight, maxInFlight);
    private int _waiting;

    /// <summary>The bound.</summary>
    public int MaxInFlight => maxInFlight;

    /// <summary>Turns running now (at most <see cref="MaxInFlight"/>).</summary>
    public int Running => maxInFlight - _slots.CurrentCount;

    /// <summary>Turns waiting for a slot.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>
    /// A slot, held once the task completes (in arrival order) until it is disposed. There is no cancelling the wait:
    /// a turn, once accepted, runs (its request may be answered before it is done); <see cref="Release"/> gives back
    /// a slot whose turn will not run.
    /// </summary>
    public Task<Slot> EnterAsync() => _slots.Wait(0) ? Task.FromResult(new Slot(_slots)) : WaitForSlotAsync();

    /// <summary>Runs <paramref name="turn"/> in <paramref name="slot"/> once it is held, and then gives the slot back.</summary>
    public static async Task<T> RunAsync<T>(Task<Slot> slot, Func<Task<T>> turn)
    {
        using (await slot)
        {
            return await turn();
        }
    }

    /// <summary>Gives back <paramref name="slot"/> now, or as soon as it is held.</summary>
    public static void Release(Task<Slot> slot)
    {
        if (slot.IsCompletedSuccessfully)
        {
            slot.Result.Dispose();
            return;
        }

        _ = slot.ContinueWith(static held => held.Result.Dispose(), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously | TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }

    private async Task<Slot> WaitForSlotAsync()
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            await _slots.WaitAsync(CancellationToken.None);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        return new Slot(_slots);
    }

    public void Dispose() => _slots.Dispose();

    /// <summary>One turn's place; disposing it (once or more) frees the place for the next turn waiting.</summary>
    public sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
