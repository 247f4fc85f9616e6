using System.Net;
using KitBot.Reminders;
using KitBot.Tests.Channels.Slack.Support;
using Microsoft.Extensions.Options;

namespace KitBot.Tests.Channels.Slack;

/// <summary>
/// Security:Instances: the per-person turn limit and reminder pacing are kept in each instance's memory, so each
/// instance enforces its share and the deployment as a whole stays within the configured figures.
/// </summary>
public sealed class SlackInstancesTests
{
    [Fact]
    public async Task TwoInstancesSharingALimitOfFour_AcceptFourTurnsFromOnePersonBetweenThem()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        string[] settings = ["Security:TurnsPerMinutePerUser=4", "Security:Instances=2"];
        await using var a = await SlackHost.StartAsync(slack, settings);
        await using var b = await SlackHost.StartAsync(slack, settings);
        var statuses = new List<(string Host, HttpStatusCode Status)>();
        var n = 0;

        foreach (var (name, host) in new[] { ("a", a), ("b", b) })
        {
            for (var i = 0; i < 3; i++)
            {
                var envelope = SlackRequests.DirectMessage("help", channel: "DLIMIT", user: "ULIMIT", eventId: $"EvLIMIT{++n:D4}");
                using var response = await host.SendAsync(SlackRequests.Event(envelope));
                statuses.Add((name, response.StatusCode));
            }
        }

        Assert.Equal(
        [
            ("a", HttpStatusCode.OK), ("a", HttpStatusCode.OK), ("a", HttpStatusCode.TooManyRequests),
            ("b", HttpStatusCode.OK), ("b", HttpStatusCode.OK), ("b", HttpStatusCode.TooManyRequests),
        ], statuses);
    }

    [Fact]
    public async Task ReminderPacing_IsSharedOutBetweenInstances()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        await using var host = await SlackHost.StartAsync(slack, "Security:Instances=4");

        var pacing = host.Get<IOptions<ReminderOptions>>().Value.Pacing;
        // The defaults (appsettings.json: burst 5 and 0.45/s per conversation, 20 and 20/s in all), a quarter each.
        Assert.Equal((1, 0.1125, 5, 5.0), (pacing.PerConversationBurst, pacing.PerConversationPerSecond, pacing.GlobalBurst, pacing.GlobalPerSecond));

        // What the pacer does with it: a second reminder to one conversation waits its share of the rate (1 / 0.1125 s).
        var pacer = host.Get<ReminderPacer>();
        var now = DateTimeOffset.UnixEpoch.AddYears(60);
        Assert.Equal(TimeSpan.Zero, pacer.TryTake("slack:T:DPACE", now));
        Assert.Equal(TimeSpan.FromSeconds(1 / 0.1125).TotalSeconds, pacer.TryTake("slack:T:DPACE", now).TotalSeconds, 3);
    }
}
