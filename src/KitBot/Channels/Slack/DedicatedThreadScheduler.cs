using System.Collections.Concurrent;

namespace KitBot.Channels.Slack;

/// <summary>
/// A task scheduler with its own threads. The Slack worker's turns run on it, so their blocking moments (SQLite's
/// synchronous I/O and busy waits) occupy these threads, never the thread pool that acknowledges Slack's requests:
/// on a small machine a starved pool would otherwise delay acknowledgements by the pool's slow thread injection.
/// </summary>
internal sealed class DedicatedThreadScheduler : TaskScheduler, IDisposable
{
    [ThreadStatic]
    private static DedicatedThreadScheduler? _current;

    private readonly BlockingCollection<Task> _tasks = new();
    private readonly int _threads;

    public DedicatedThreadScheduler(int threads, string name)
    {
        _threads = threads;
        for (var i = 0; i < threads; i++)
        {
            new Thread(Run) { IsBackground = true, Name = $"{name} {i + 1}" }.Start();
        }
    }

    public override int MaximumConcurrencyLevel => _threads;

    public void Dispose() => _tasks.CompleteAdding();

    protected override void QueueTask(Task task)
    {
        try
        {
            _tasks.Add(task);
        }
        catch (InvalidOperationException)
        {
            // Shut down: anything still arriving runs on the pool rather than being lost.
            ThreadPool.UnsafeQueueUserWorkItem(_ => TryExecuteTask(task), null);
        }
    }

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        _current == this && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _tasks.ToArray();

    private void Run()
    {
        _current = this;
        foreach (var task in _tasks.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }
}
