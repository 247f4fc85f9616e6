using System.Text.Json.Nodes;
using KitBot.Dialogs.Menu;
using KitBot.Dialogs.Requests;
using KitBot.EndToEnd.Support;
using KitBot.Testing;
using KitBot.Requests;
using KitBot.Storage;

namespace KitBot.EndToEnd;

/// <summary>
/// Ask a consultant in the Agents Playground: the request from the personal chat arrives as a card in the team
/// channel conversation; "I'll take it" there updates that card in place and tells the practitioner who took it.
/// </summary>
public sealed class RequestPlaygroundTests : IAsyncLifetime
{
    private KitBotServer _bot = null!;
    private AgentsPlayground _teams = null!;

    public async Task InitializeAsync()
    {
        // The playground first (pointed at a port chosen now), so the bot can be told its team channel and connector.
        (_teams, _bot) = await AgentsPlayground.StartWithBotAsync((port, teams) => KitBotServer.StartAsync(port: port, settings:
        [
            $"Requests:Channel:ConversationId={teams.TeamChannelId}",
            $"Requests:Channel:ServiceUrl={teams.ConnectorUrl}",
        ]));
    }

    public async Task DisposeAsync()
    {
        await _teams.DisposeAsync();
        await _bot.DisposeAsync();
    }

    private string ChannelId => _teams.Config["config"]!["teams"]![0]!["channels"]![0]!["id"]!.GetValue<string>();

    [Fact]
    public async Task RequestFromThePersonalChat_AppearsInTheChannel_AndIllTakeItUpdatesTheCardAndTellsThePractitioner()
    {
        await _teams.InstallAsync();
        var welcome = await _teams.WaitForAsync(m => m.CardContains("Ask a consultant"), what: "with the welcome card");

        var seen = _teams.Messages.Count;
        await _teams.SubmitAsync(welcome, new JsonObject { ["verb"] = MenuVerbs.AskConsultant });
        var form = await _teams.WaitForAsync(m => m.CardContains(RequestVerbs.Submit), after: seen, what: "with the request form");

        seen = _teams.Messages.Count;
        await _teams.SubmitAsync(form, new JsonObject
        {
            ["verb"] = RequestVerbs.Submit,
            [RequestVerbs.Question] = "How should we plan direct contact with an older sibling in foster care?",
            [RequestVerbs.Urgency] = nameof(RequestUrgency.ThisWeek),
            [RequestVerbs.Contact] = nameof(RequestContact.TeamsCall),
            [RequestVerbs.When] = "Weekday mornings",
            [RequestVerbs.Share] = "false",
            [RequestVerbs.Summary] = "",
        });

        var confirmation = await _teams.WaitForAsync(m => m.Text?.Contains("Your reference is KIT-", StringComparison.Ordinal) == true, after: seen, what: "confirming the request");
        var card = await _teams.WaitForAsync(m => m.CardContains(RequestVerbs.Claim), after: seen, what: "with the request card in the channel");
        var request = Assert.Single(await _bot.Get<IRequestStore>().ListOpenAsync(10, CancellationToken.None));
        Assert.Contains(request.Reference, confirmation.Text);
        Assert.True(card.CardContains("older sibling in foster care"));
        Assert.Equal(ChannelId, ConversationOf(card));
        Assert.Equal(request.ChannelMessageId, card.Id);

        seen = _teams.Messages.Count;
        // A post in a channel starts a thread: its buttons act in that thread's conversation, as in Teams.
        var thread = card.Raw["message"]?["postConversationId"]?.GetValue<string>() ?? ChannelId;
        await _teams.SubmitAsync(card, new JsonObject { ["verb"] = RequestVerbs.Claim, [RequestVerbs.RequestId] = request.Id }, conversationId: thread);

        var updated = await _teams.WaitForAsync(m => m.Action == "updateMessage" && m.CardContains("Taken by"), after: seen, what: "updating the card in place");
        Assert.Equal(card.Id, updated.Id);
        Assert.False(updated.CardContains(RequestVerbs.Claim));
        var told = await _teams.WaitForAsync(m => m.Text?.Contains($"has taken your request {request.Reference}", StringComparison.Ordinal) == true, after: seen, what: "telling the practitioner");
        Assert.Equal(_teams.PersonalChatId, ConversationOf(told));
        Assert.Equal(RequestState.Claimed, (await _bot.Get<IRequestStore>().GetAsync(request.Id, CancellationToken.None))!.State);
    }

    // The conversation the playground shows the message in (actionConversationId in version 0.2.28).
    private static string? ConversationOf(PlaygroundMessage message) =>
        message.Raw["actionConversationId"]?.GetValue<string>() ?? message.Raw["message"]?["conversation"]?["id"]?.GetValue<string>();
}
