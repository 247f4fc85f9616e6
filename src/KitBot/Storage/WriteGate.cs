using System.Collections.Concurrent;

namespace KitBot.Storage;

/// <summary>
/// One writer at a time per SQLite database in this process. SQLite allows a single writer anyway; queueing
/// writers here costs microseconds, where letting them collide in SQLite costs busy waits and retries.
/// </summary>
internal static class WriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static async Task<IDisposable> EnterAsync(string database, CancellationToken cancellationToken)
    {
        var gate = Gates.GetOrAdd(database, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
