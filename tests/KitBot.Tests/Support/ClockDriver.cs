using Microsoft.Extensions.Time.Testing;

namespace KitBot.Tests.Support;

/// <summary>Drives a host's fake clock until something that waits on it is done.</summary>
public static class ClockDriver
{
    /// <summary>
    /// Moves <paramref name="clock"/> a second at a time until <paramref name="task"/> is done or
    /// <paramref name="limit"/> of fake time has gone by. The task is finished by a timer that fires on an advance, so
    /// each advance gives it a moment of real time to complete.
    /// </summary>
    public static async Task AdvanceUntilDoneAsync(FakeTimeProvider clock, Task task, TimeSpan limit)
    {
        var started = clock.GetUtcNow();
        while (!task.IsCompleted && clock.GetUtcNow() - started < limit)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            try
            {
                await task.WaitAsync(TimeSpan.FromMilliseconds(200));
            }
            catch (TimeoutException)
            {
            }
        }
    }
}
