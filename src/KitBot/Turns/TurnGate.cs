namespace KitBot.Turns;

/// <summary>
/// Bounds how many turns run at once; turns beyond the bound wait their turn in arrival order. Under a burst (a
/// thousand conversations at once) the memory a running turn holds (its state, rendered cards, an outbound
/// connection to the connector) then stays that of the bound, and the turns past it cost only their waiting request.
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

    /// <summary>Runs <paramref name="turn"/> once a slot is free; the slot is held until the turn has finished.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> turn)
    {
        if (!_slots.Wait(0))
        {
            Interlocked.Increment(ref _waiting);
            try
            {
                // No cancellation: a turn, once accepted, runs (its request may be answered before it is done).
                await _slots.WaitAsync(CancellationToken.None);
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }

        try
        {
            return await turn();
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
