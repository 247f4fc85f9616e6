using System.Net;
using System.Text.Json.Nodes;
using KitBot.Conversations;
using KitBot.Storage;
using KitBot.Tests.Channels.Slack.Support;

namespace KitBot.Tests.Channels.Slack;

/// <summary>A workspace KitBot is not configured for gets no reply, and nothing is stored for it.</summary>
public sealed class SlackUnknownWorkspaceTests(SlackHostFixture fixture) : IClassFixture<SlackHostFixture>
{
    [Fact]
    public async Task MessagesCommandsAndButtons_FromAnUnknownWorkspace_GetNoReply_AndChangeNothing()
    {
        const string channel = "DSTRANGE";
        const string user = "USTRANGER";
        var calls = fixture.Slack.Calls.Count;
        HttpRequestMessage[] requests =
        [
            SlackRequests.Event(SlackRequests.DirectMessage("menu", channel, user, team: SlackRequests.UnknownTeamId), SlackRequests.UnknownSecret),
            SlackRequests.Command("consult", channel, user, SlackRequests.UnknownTeamId, SlackRequests.UnknownSecret),
            SlackRequests.Interaction(
                SlackRequests.BlockActions(new JsonObject { ["action_id"] = "ac.btn.0", ["value"] = "{\"verb\":\"menu.consult\"}" }, channel, user, team: SlackRequests.UnknownTeamId),
                SlackRequests.UnknownSecret),
        ];

        foreach (var request in requests)
        {
            using var response = await fixture.Bot.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        // A request from a served workspace, answered, proves the worker has run everything queued before it.
        using var marker = await fixture.Bot.SendAsync(SlackRequests.Event(SlackRequests.DirectMessage("help", "DMARKER", "UMARKER")));
        await fixture.Slack.WaitForAsync(cs => cs.Any(c => c.Channel == "DMARKER"), "the marker reply");

        Assert.DoesNotContain(fixture.Slack.Calls.Skip(calls), c => c.Channel == channel);
        var store = fixture.Bot.Get<IConversationStore>();
        var key = ConversationReference.KeyFor("slack", channel);
        Assert.Null(await store.GetReferenceAsync(key, CancellationToken.None));
        Assert.Null((await store.LoadStateAsync(ConversationReference.StateKeyFor(key, user), CancellationToken.None)).Json);
    }
}
