namespace KitBot.Channels.Slack.SocketMode;

/// <summary>How long to wait before reconnecting: exponential (doubling per failure in a row), capped, with jitter.</summary>
public static class SocketModeBackoff
{
    /// <summary>
    /// The wait before attempt <paramref name="failures"/> + 1: <paramref name="first"/> doubled per failure, at most
    /// <paramref name="cap"/>, then scaled by a random factor between 0.5 and 1 (<paramref name="random"/> in [0, 1)),
    /// so instances cut off together do not all come back at the same moment.
    /// </summary>
    public static TimeSpan Delay(int failures, TimeSpan first, TimeSpan cap, double random)
    {
        var doubled = first.TotalMilliseconds * Math.Pow(2, Math.Clamp(failures, 0, 30));
        var wait = Math.Min(doubled, cap.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(wait * (0.5 + (random / 2)));
    }
}
