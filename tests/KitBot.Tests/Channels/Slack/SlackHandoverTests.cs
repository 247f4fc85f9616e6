using System.Text.RegularExpressions;
using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Plans;
using KitBot.Storage;
using KitBot.Tests.Channels.Slack.Support;

namespace KitBot.Tests.Channels.Slack;

/// <summary>Hand-over in Slack: the owner types "hand over 1" in their DM, the colleague "take over CODE" in theirs.</summary>
public sealed class SlackHandoverTests(SlackHostFixture fixture) : IClassFixture<SlackHostFixture>
{
    private const string Title = "Plan for a child aged 5 to 10, started 2 Nov 2026";

    private FakeSlackApi Slack => fixture.Slack;

    private SlackHost Bot => fixture.Bot;

    [Fact]
    public async Task HandOverInOneDirectMessage_TakeOverInAnother_MovesThePlan()
    {
        // The owner has talked to KitBot before; their plan (drafted earlier) is in their state.
        var seen = Slack.Calls.Count;
        await Bot.SendAsync(SlackRequests.Event(SlackRequests.DirectMessage("menu", channel: "DHOWNER", user: "UHOWNER")));
        await Slack.WaitForAsync(cs => cs.Skip(seen).Any(c => c.Method == "chat.postMessage" && c.Channel == "DHOWNER"), "the menu");
        await SeedPlanAsync("UHOWNER");

        seen = Slack.Calls.Count;
        await Bot.SendAsync(SlackRequests.Event(SlackRequests.DirectMessage("hand over 1", channel: "DHOWNER", user: "UHOWNER")));
        var offer = await Slack.WaitForMessageAsync("take over", seen);
        Assert.Equal("DHOWNER", offer.Channel);
        var code = Regex.Match(offer.Json, @"take over ([A-Z2-9]{4}-[A-Z2-9]{4})").Groups[1].Value;
        Assert.NotEmpty(code);

        seen = Slack.Calls.Count;
        await Bot.SendAsync(SlackRequests.Event(SlackRequests.DirectMessage("take over " + code, channel: "DHCOLLEAGUE", user: "UHCOLLEAGUE")));
        var taken = await Slack.WaitForMessageAsync("is now yours", seen);
        Assert.Equal("DHCOLLEAGUE", taken.Channel);
        var told = await Slack.WaitForMessageAsync("has taken over", seen);
        Assert.Equal("DHOWNER", told.Channel);

        seen = Slack.Calls.Count;
        await Bot.SendAsync(SlackRequests.Event(SlackRequests.DirectMessage("my plans", channel: "DHCOLLEAGUE", user: "UHCOLLEAGUE")));
        Assert.Equal("DHCOLLEAGUE", (await Slack.WaitForMessageAsync(Title, seen)).Channel);

        seen = Slack.Calls.Count;
        await Bot.SendAsync(SlackRequests.Event(SlackRequests.DirectMessage("my plans", channel: "DHOWNER", user: "UHOWNER")));
        var calls = await Slack.WaitForAsync(cs => cs.Skip(seen).Any(c => c.Method == "chat.postMessage" && c.Channel == "DHOWNER"), "the owner's plans");
        Assert.DoesNotContain(calls.Skip(seen), c => c.Channel == "DHOWNER" && c.Json.Contains(Title, StringComparison.Ordinal));
    }

    private async Task SeedPlanAsync(string user)
    {
        var store = Bot.Get<IConversationStore>();
        var key = await StateKeyAsync(user);
        var stored = await store.LoadStateAsync(key, CancellationToken.None);
        var state = ConversationStateSerializer.Deserialize(stored.Json);
        var now = DateTimeOffset.UtcNow;
        var plan = new PlanState { Id = "pl-19c0000000a-1", Title = Title, ConsultationId = "co-19c0000000a-1", Created = now, Updated = now };
        Assert.True(await store.TrySaveStateAsync(key, ConversationStateSerializer.Serialize(state with { Plans = [plan] }), stored.Version, now, CancellationToken.None));
    }

    // The owner's state row, found by the person's id at the end of its key.
    private async Task<string> StateKeyAsync(string user)
    {
        await using var connection = await Bot.Get<StorageConnections>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT key FROM conversation_state";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (reader.GetString(0).EndsWith(user, StringComparison.Ordinal))
            {
                return reader.GetString(0);
            }
        }

        throw new InvalidOperationException("No state for " + user);
    }
}
