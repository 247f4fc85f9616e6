namespace KitBot.Bench;

/// <summary>
/// Samples a process's resident set (VmRSS) and private memory (RssAnon: heap, stacks, not shared or file-backed
/// pages) every 20 ms and keeps the highest of each, so the report can show the peak of a phase rather than of
/// the whole process life (VmHWM).
/// </summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peakRssKb;
    private long _peakPrivateKb;

    public MemorySampler(int pid)
    {
        _pid = pid;
        _loop = Task.Run(LoopAsync);
    }

    public double PeakRssMb => Interlocked.Read(ref _peakRssKb) / 1024.0;

    public double PeakPrivateMb => Interlocked.Read(ref _peakPrivateKb) / 1024.0;

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        do
        {
            try
            {
                Max(ref _peakRssKb, TargetProcess.ProcStatusKb(_pid, "VmRSS:"));
                Max(ref _peakPrivateKb, TargetProcess.ProcStatusKb(_pid, "RssAnon:"));
            }
            catch (IOException)
            {
                // The process has gone.
                return;
            }
        }
        while (await timer.WaitForNextTickAsync(_stop.Token).AsTask().ContinueWith(t => t.Status == TaskStatus.RanToCompletion && t.Result));
    }

    private static void Max(ref long peak, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, value, seen) != seen)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
