using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KitBot.Conversations;
using KitBot.Dialogs.Engine;
using KitBot.Storage;
using KitBot.Tests.Channels.Slack.Support;
using KitBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KitBot.Tests.Security;

/// <summary>Security:TurnsPerMinutePerUser: one person over the limit gets 429 and nothing is processed; others are unaffected.</summary>
public sealed class TurnRateLimitTests
{
    private static JsonObject Message(string user) => TeamsActivities.Personal(
        "https://smba.example.test/teams/", "a:" + user, user, new JsonObject { ["timestamp"] = "2025-03-03T10:00:00Z", ["text"] = "help" });

    [Fact]
    public async Task Teams_TheTurnOverTheLimit_Gets429WithAProblem_AndIsNotProcessed()
    {
        using var host = new KitBotFactory().WithSetting("Security:TurnsPerMinutePerUser", "3");
        var client = host.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await client.PostAsJsonAsync("/api/messages", Message("29:busy"));
            Assert.Equal(HttpStatusCode.Accepted, ok.StatusCode);
        }

        var sent = host.Connector.Sent.Count;
        using var refused = await client.PostAsJsonAsync("/api/messages", Message("29:busy"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Too many requests", (await refused.Content.ReadFromJsonAsync<JsonObject>())!["title"]!.GetValue<string>());
        Assert.Equal(sent, host.Connector.Sent.Count);
        var state = await host.Services.GetRequiredService<IConversationStore>()
            .LoadStateAsync(ConversationReference.StateKeyFor("msteams:a:29:busy", "29:busy"), default);
        Assert.Equal(3, ConversationStateSerializer.Deserialize(state.Json).TurnCount);

        // Someone else is not held back by them.
        using var other = await client.PostAsJsonAsync("/api/messages", Message("29:calm"));
        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
    }

    [Fact]
    public async Task Slack_TheCommandOverTheLimit_Gets429_AndOthersAreServed()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        await using var bot = await SlackHost.StartAsync(slack, "Security:TurnsPerMinutePerUser=2");

        for (var i = 0; i < 2; i++)
        {
            using var ok = await bot.SendAsync(SlackRequests.Command("help", "DBUSY", "UBUSY"));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var refused = await bot.SendAsync(SlackRequests.Command("help", "DBUSY", "UBUSY"));
        using var refusedEvent = await bot.SendAsync(SlackRequests.Event(SlackRequests.DirectMessage("help", "DBUSY", "UBUSY")));
        using var other = await bot.SendAsync(SlackRequests.Command("help", "DCALM", "UCALM"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedEvent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
