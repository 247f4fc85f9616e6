using KitBot.Channels.Slack.SocketMode;

namespace KitBot.Tests.Channels.Slack;

/// <summary>The wait before reopening a Socket Mode connection: doubling per failure in a row, capped, jittered between half and all.</summary>
public sealed class SocketModeBackoffTests
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Cap = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(6, 64)]
    [InlineData(7, 120)]
    [InlineData(1000, 120)]
    public void DoublesPerFailure_UpToTheCap_JitteredBetweenHalfAndAll(int failures, double seconds)
    {
        Assert.Equal(seconds / 2, SocketModeBackoff.Delay(failures, First, Cap, 0).TotalSeconds, 6);
        Assert.Equal(seconds * 0.75, SocketModeBackoff.Delay(failures, First, Cap, 0.5).TotalSeconds, 6);
        Assert.True(SocketModeBackoff.Delay(failures, First, Cap, 0.999999).TotalSeconds <= seconds);
    }
}
