namespace KitBot.Channels.Slack;

/// <summary>
/// At most one prune a minute per store, however many requests arrive at once: the first caller past the due time
/// claims the next minute with one compare-and-swap; the others skip.
/// </summary>
internal sealed class PruneSchedule
{
    private const long PeriodMs = 60_000;
    private long _next;

    /// <summary>True for the one caller whose turn it is to prune at <paramref name="nowMs"/> (Unix milliseconds).</summary>
    public bool TryClaim(long nowMs)
    {
        var due = Interlocked.Read(ref _next);
        return nowMs >= due && Interlocked.CompareExchange(ref _next, nowMs + PeriodMs, due) == due;
    }
}
