using KitBot.Reminders;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KitBot.Tests.Reminders;

public sealed class ReminderPacerTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2025-06-16T08:30:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private static ReminderPacer Pacer(FakeTimeProvider clock) => new(clock, Options.Create(new ReminderOptions
    {
        Pacing = new PacingOptions { PerConversationBurst = 5, PerConversationPerSecond = 0.45, GlobalBurst = 20, GlobalPerSecond = 20 },
    }));

    [Fact]
    public void OneConversation_GetsItsBurst_ThenStaysUnderTeamsLimits()
    {
        var clock = new FakeTimeProvider(Start);
        var pacer = Pacer(clock);
        var sent = new List<DateTimeOffset>();

        // Send as fast as the pacer allows for an hour of fake time.
        while (clock.GetUtcNow() < Start.AddHours(1))
        {
            var wait = pacer.TryTake("msteams:a", clock.GetUtcNow());
            if (wait == TimeSpan.Zero)
            {
                sent.Add(clock.GetUtcNow());
            }
            else
            {
                clock.Advance(wait);
            }
        }

        Assert.Equal(5, sent.Count(t => t == Start));
        int Max(TimeSpan window) => sent.Max(t => sent.Count(u => u >= t && u < t + window));
        Assert.True(Max(TimeSpan.FromSeconds(1)) <= 7);
        Assert.True(Max(TimeSpan.FromSeconds(2)) <= 8);
        Assert.True(Max(TimeSpan.FromSeconds(30)) <= 60);
        Assert.True(sent.Count <= 1800);
    }

    [Fact]
    public void ManyConversations_ShareTheInstanceBucket()
    {
        var clock = new FakeTimeProvider(Start);
        var pacer = Pacer(clock);

        var immediate = Enumerable.Range(0, 25).Count(i => pacer.TryTake($"msteams:{i}", clock.GetUtcNow()) == TimeSpan.Zero);

        Assert.Equal(20, immediate);
        Assert.Equal(TimeSpan.FromMilliseconds(50), pacer.TryTake("msteams:x", clock.GetUtcNow()));
    }

    [Fact]
    public async Task WaitAsync_WaitsOnTheInjectedClock_AndGivesUpBeyondMaxWait()
    {
        var clock = new FakeTimeProvider(Start);
        var pacer = Pacer(clock);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(TimeSpan.Zero, await pacer.WaitAsync("msteams:a", TimeSpan.FromMinutes(1), CancellationToken.None));
        }

        Assert.True(await pacer.WaitAsync("msteams:a", TimeSpan.FromSeconds(1), CancellationToken.None) > TimeSpan.FromSeconds(1));
        var waiting = pacer.WaitAsync("msteams:a", TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(TimeSpan.Zero, await waiting);
    }
}
