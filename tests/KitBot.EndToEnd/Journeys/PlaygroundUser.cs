using KitBot.Conversations;
using System.Text.Json.Nodes;
using KitBot.EndToEnd.Support;
using KitBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace KitBot.EndToEnd.Journeys;

/// <summary>A Teams user in the Microsoft 365 Agents Playground; the consultants' channel is the playground's team channel.</summary>
public sealed class PlaygroundUser : JourneyUser
{
    private readonly AgentsPlayground _teams;

    private PlaygroundUser(KitBotServer bot, FakeTimeProvider clock, AgentsPlayground teams)
        : base(bot, clock) => _teams = teams;

    public override string UserId => _teams.CurrentUserId;

    public override string SeenByColleaguesAs => _teams.Config["config"]!["currentUser"]!["name"]!.GetValue<string>();

    public override string StateKey => ConversationReference.StateKeyFor(ConversationReference.KeyFor("msteams", _teams.PersonalChatId), UserId);

    public override string Channel => "teams";

    /// <summary>The playground's personal chat with KitBot.</summary>
    public string PersonalChatId => _teams.PersonalChatId;

    /// <summary>The playground's first team channel, where the consultants are.</summary>
    public string ConsultantsChannelId => _teams.TeamChannelId;

    internal static async Task<JourneyUser> StartAsync(FakeTimeProvider clock, string[] settings)
    {
        // KitBot is told the playground's team channel, where the consultants are.
        var (teams, bot) = await AgentsPlayground.StartWithBotAsync((port, playground) => StartBotAsync(clock, port,
            [$"Requests:Channel:ConversationId={playground.TeamChannelId}", $"Requests:Channel:ServiceUrl={playground.ConnectorUrl}", .. settings]));
        return new PlaygroundUser(bot, clock, teams);
    }

    public override bool Shows(string title) => Find(title) is not null;

    public override Uri? Link(string title) =>
        _teams.Messages.Reverse().Select(m => m.Card).OfType<JsonObject>().SelectMany(CardScreen.Descendants)
            .FirstOrDefault(o => o["type"]?.GetValue<string>() == "Action.OpenUrl" && CardScreen.Title(o) == title)?["url"] is { } url
            ? new Uri(url.GetValue<string>()) : null;

    protected override int Mark => _teams.Messages.Count;

    protected override string TextSince(int mark) => string.Join("\n", _teams.Messages.Skip(mark)
        .Select(m => string.Join("\n", new[] { m.Text }.Concat(m.Card is { } card ? [CardScreen.Text(card)] : []).OfType<string>())));

    protected override Task OpenAsync() => _teams.InstallAsync();

    protected override Task SendTextAsync(string text) => _teams.SendTextAsync(text);

    protected override async Task<bool> TryPressAsync(string title, IReadOnlyDictionary<string, string> answers)
    {
        if (Find(title) is not var (message, button))
        {
            return false;
        }

        var data = CardScreen.Fill(message.Card!, button, answers);
        // A post in a channel starts a thread: its buttons act in that thread's conversation, as in Teams.
        var conversation = message.Raw["message"]?["postConversationId"]?.GetValue<string>()
            ?? message.Raw["actionConversationId"]?.GetValue<string>();
        if (button["type"]!.GetValue<string>() == "Action.Execute")
        {
            await _teams.ExecuteAsync(message, CardScreen.Verb(button)!, data, conversation);
        }
        else
        {
            await _teams.SubmitAsync(message, data, conversation);
        }

        return true;
    }

    private (PlaygroundMessage Message, JsonObject Button)? Find(string title)
    {
        // Newest first; a card updated in place is pressed as it is now.
        foreach (var message in _teams.Messages.Reverse().DistinctBy(m => m.Id))
        {
            if (message.Card is { } card && CardScreen.Buttons(card).FirstOrDefault(b => CardScreen.Title(b) == title) is { } button)
            {
                return (message, button);
            }
        }

        return null;
    }

    public override async ValueTask DisposeAsync()
    {
        await _teams.DisposeAsync();
        await Bot.DisposeAsync();
    }
}
