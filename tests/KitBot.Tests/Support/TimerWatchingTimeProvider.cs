using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace KitBot.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports the timers code under test creates, so a test can advance the
/// clock by exactly what the code waits for, and see how long that was, without sleeping.
/// </summary>
public sealed class TimerWatchingTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _delays = Channel.CreateUnbounded<TimeSpan>();
    private readonly ConcurrentQueue<TimeSpan> _allDelays = new();

    /// <summary>Every wait (Task.Delay) created so far; timeouts of cancellation sources are left out.</summary>
    public IReadOnlyCollection<TimeSpan> Delays => _allDelays;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // A CancellationTokenSource timer is a timeout, which tests advance deliberately; anything else is a wait.
        if (state is not CancellationTokenSource)
        {
            _allDelays.Enqueue(dueTime);
            _delays.Writer.TryWrite(dueTime);
        }

        return base.CreateTimer(callback, state, dueTime, period);
    }

    /// <summary>
    /// Awaits <paramref name="call"/>, advancing the clock past each wait it starts, so its retries happen at
    /// once on the real clock. Timeouts are not advanced. A real-time deadline stops a test that hangs.
    /// </summary>
    public async Task<T> RunAsync<T>(Task<T> call, TimeSpan? deadline = null)
    {
        using var stop = new CancellationTokenSource(deadline ?? TimeSpan.FromSeconds(20));
        try
        {
            var next = _delays.Reader.ReadAsync(stop.Token).AsTask();
            while (true)
            {
                if (await Task.WhenAny(call, next).WaitAsync(stop.Token) == call)
                {
                    return await call;
                }

                Advance(await next);
                next = _delays.Reader.ReadAsync(stop.Token).AsTask();
            }
        }
        finally
        {
            // Releases the pending read, so a later RunAsync sees every wait.
            await stop.CancelAsync();
        }
    }
}
