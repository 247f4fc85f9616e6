using KitBot.EndToEnd.Support;
using KitBot.Testing;
using KitBot.Turns;

namespace KitBot.EndToEnd;

/// <summary>
/// Case details stay out of shared conversations: a consultation asked for with @KitBot in a team channel continues
/// in the practitioner's personal chat, and the channel hears only that it has moved.
/// </summary>
public sealed class TeamChannelPlaygroundTests : IAsyncLifetime
{
    private KitBotServer _bot = null!;
    private AgentsPlayground _teams = null!;

    public async Task InitializeAsync()
    {
        (_teams, _bot) = await AgentsPlayground.StartWithBotAsync((port, _) => KitBotServer.StartAsync(port: port));
    }

    public async Task DisposeAsync()
    {
        await _teams.DisposeAsync();
        await _bot.DisposeAsync();
    }

    private string ChannelId => _teams.Config["config"]!["teams"]![0]!["channels"]![0]!["id"]!.GetValue<string>();

    [Fact]
    public async Task AConsultationAskedForInATeamChannel_ContinuesInThePersonalChat_WithOneShortNoteInTheChannel()
    {
        var seen = _teams.Messages.Count;

        await _teams.MentionBotAsync("start a consultation", ChannelId);

        var card = await _teams.WaitForAsync(m => m.CardContains("About the child"), after: seen, what: "with the first consultation card");
        Assert.Equal(_teams.PersonalChatId, ConversationOf(card));
        var inChannel = _teams.Messages.Skip(seen).Where(m => ConversationOf(m)?.StartsWith(ChannelId, StringComparison.Ordinal) == true).ToList();
        var note = Assert.Single(inChannel);
        Assert.Equal(TurnProcessor.MovedText, note.Text);
        Assert.Null(note.Card);
    }

    // The conversation the playground shows the message in.
    private static string? ConversationOf(PlaygroundMessage message) =>
        message.Raw["actionConversationId"]?.GetValue<string>() ?? message.Raw["message"]?["conversation"]?["id"]?.GetValue<string>();
}
