using System.Text.Json.Nodes;
using KitBot.Channels.Teams;
using KitBot.Conversations;
using KitBot.Dialogs.Turns;
using KitBot.EndToEnd.Support;
using KitBot.Testing;
using KitBot.Storage;

namespace KitBot.EndToEnd;

/// <summary>KitBot against the Microsoft 365 Agents Playground: the Teams conversation a user would have.</summary>
public sealed class TeamsPlaygroundTests : IAsyncLifetime
{
    private KitBotServer _bot = null!;
    private AgentsPlayground _teams = null!;

    public async Task InitializeAsync()
    {
        _bot = await KitBotServer.StartAsync();
        _teams = await AgentsPlayground.StartAsync(_bot.MessagesUrl);
    }

    public async Task DisposeAsync()
    {
        await _teams.DisposeAsync();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task Installing_TheApp_BringsTheWelcomeCardOnce()
    {
        await _teams.InstallAsync();

        var welcome = await _teams.WaitForAsync(m => m.CardContains("Start a consultation"), what: "with the welcome card");
        Assert.Contains("Hello.", welcome.Card!.ToJsonString());

        // installationUpdate and conversationUpdate both arrive; the user is greeted once. A text turn after them
        // proves both install activities were handled before we count.
        await _teams.SendTextAsync("help");
        await _teams.WaitForAsync(m => m.CardContains("Help and privacy") && !m.CardContains("Start a consultation"), what: "with the help card");
        Assert.Single(_teams.Messages, m => m.CardContains("Hello."));
    }

    [Fact]
    public async Task TextMessage_BringsAReply()
    {
        await _teams.SendTextAsync("what is this?");

        var reply = await _teams.WaitForAsync(m => m.Text?.Contains("did not understand", StringComparison.Ordinal) == true, what: "saying it did not understand");
        Assert.Equal("message", reply.Raw["message"]?["type"]?.GetValue<string>() ?? "message");
        await _teams.WaitForAsync(m => m.CardContains("Role guidance"), what: "with the menu");
    }

    [Fact]
    public async Task SubmitFromTheWelcomeMenu_BringsTheNextReply()
    {
        await _teams.InstallAsync();
        var welcome = await _teams.WaitForAsync(m => m.CardContains("Start a consultation"), what: "with the welcome card");
        var seen = _teams.Messages.Count;

        await _teams.SubmitAsync(welcome, new JsonObject { ["verb"] = "menu.help" });

        var help = await _teams.WaitForAsync(m => m.CardContains("Privacy: use age bands"), after: seen, what: "with the help card");
        Assert.NotEqual(welcome.Id, help.Id);
    }

    [Fact]
    public async Task ExecuteFromACard_ReturnsAnInvokeResponse()
    {
        await _teams.InstallAsync();
        var welcome = await _teams.WaitForAsync(m => m.CardContains("Start a consultation"), what: "with the welcome card");

        var response = await _teams.ExecuteAsync(welcome, "menu.help", []);

        // The playground passes on the invoke response's type and value (it drops statusCode).
        Assert.NotNull(response);
        Assert.Equal("application/vnd.microsoft.activity.message", response!["type"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(response["value"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ProactiveMessage_ToTheStoredReference_Arrives()
    {
        await _teams.InstallAsync();
        await _teams.WaitForAsync(m => m.CardContains("Start a consultation"), what: "with the welcome card");
        var seen = _teams.Messages.Count;

        var reference = await _bot.Get<IConversationStore>().GetReferenceAsync(
            ConversationReference.KeyFor("msteams", _teams.PersonalChatId), CancellationToken.None);
        Assert.NotNull(reference);
        var outcome = await _bot.Get<KitBot.Channels.ChannelDirectory>().SendAsync(reference!, [new TextReply("A plan review is due.")], CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Sent, outcome);
        await _teams.WaitForAsync(m => m.Text == "A plan review is due.", after: seen, what: "with the proactive text");
    }
}
