using System.Diagnostics;
using System.Net;
using KitBot.Tests.Channels.Slack.Support;
using Xunit.Abstractions;

namespace KitBot.Tests.Channels.Slack;

/// <summary>Slack wants an acknowledgement within 3 seconds; the turns run afterwards, in the background.</summary>
public sealed class SlackAcknowledgementTests(ITestOutputHelper output) : IAsyncLifetime
{
    private FakeSlackApi _slack = null!;
    private SlackHost _bot = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync();
        _bot = await SlackHost.StartAsync(_slack);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task FiftyConcurrentSignedEvents_AreEachAcknowledgedWithinThreeSeconds()
    {
        const int count = 50;
        // Warm the path once, through to its reply (JIT, storage, templates), so the figure is about steady handling.
        using (var warm = await _bot.SendAsync(SlackRequests.Event(SlackRequests.DirectMessage("help", channel: "DWARM", user: "UWARM"))))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        await _slack.WaitForAsync(calls => calls.Any(c => c.Channel == "DWARM"), "the warm-up reply");

        var requests = Enumerable.Range(0, count)
            .Select(i => SlackRequests.Event(SlackRequests.DirectMessage("hello", channel: $"DLOAD{i:D2}", user: $"ULOAD{i:D2}")))
            .ToList();
        // Sent from the thread pool, as a real client would, not through xUnit's synchronization context.
        var sends = requests.Select(request => Task.Run(async () =>
        {
            var clock = Stopwatch.StartNew();
            using var response = await _bot.SendAsync(request);
            return (response.StatusCode, clock.Elapsed);
        })).ToList();
        var results = await Task.WhenAll(sends);

        var times = results.Select(r => r.Elapsed.TotalMilliseconds).Order().ToList();
        var p99 = times[(int)Math.Ceiling(0.99 * times.Count) - 1];
        output.WriteLine($"{count} concurrent signed events: ack p50 {times[times.Count / 2]:F1} ms, p99 {p99:F1} ms, max {times[^1]:F1} ms ({Environment.ProcessorCount} cores)");
        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(results, r => Assert.True(r.Elapsed < TimeSpan.FromSeconds(3), $"an acknowledgement took {r.Elapsed.TotalMilliseconds:F0} ms"));

        // And the work was done afterwards: every conversation got its answer.
        await _slack.WaitForAsync(
            calls => Enumerable.Range(0, count).All(i => calls.Any(c => c.Channel == $"DLOAD{i:D2}" && FakeSlackApi.IsPost(c, "did not understand"))),
            "a reply in each of the 50 conversations", TimeSpan.FromSeconds(60));
    }
}
