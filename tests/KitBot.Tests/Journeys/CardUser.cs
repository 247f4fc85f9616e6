using System.Text.Json.Nodes;
using KitBot.Cards;
using KitBot.Conversations;
using KitBot.Dialogs.Turns;
using KitBot.Testing;
using KitBot.Tests.Support;
using KitBot.Turns;
using Microsoft.Extensions.Time.Testing;

namespace KitBot.Tests.Journeys;

/// <summary>
/// A practitioner in a Teams chat who only presses what the bot's last cards show: a button is found by its title on
/// a card that reached the connector, its data is what the card carries, and the card's inputs are filled as a person
/// would (answers given, otherwise what the card shows, otherwise a sample value for a required input).
/// </summary>
public sealed class CardUser(ReminderHost host, FakeConnector connector, ConversationReference chat, FakeTimeProvider clock)
{
    private int _seen;

    /// <summary>An answer meaning "the first choice the card offers".</summary>
    public const string FirstChoice = CardScreen.FirstChoice;

    /// <summary>Everything the bot sent this person, in order.</summary>
    public IReadOnlyList<ConnectorCall> Received => [.. connector.Calls.Where(c => c.ConversationId == chat.ConversationId)];

    /// <summary>What arrived since the last action.</summary>
    public IReadOnlyList<ConnectorCall> Latest { get; private set; } = [];

    /// <summary>The texts that arrived since the last action.</summary>
    public IEnumerable<string> LatestTexts => Latest.Select(c => c.Activity["text"]?.GetValue<string>()).OfType<string>();

    /// <summary>The newest card received.</summary>
    public JsonObject LastCard => Received.Select(Card).OfType<JsonObject>().LastOrDefault()
        ?? throw new InvalidOperationException("No card has arrived yet.");

    /// <summary>Adds the bot (the welcome).</summary>
    public Task StartAsync() => RunAsync(new ConversationStartedInput());

    /// <summary>Types a message.</summary>
    public Task TypeAsync(string text) => RunAsync(new TextInput(text));

    /// <summary>
    /// Presses the button titled <paramref name="title"/> on the newest card that shows one, filling that card's inputs.
    /// Returns the card it was pressed on.
    /// </summary>
    public async Task<JsonObject> PressAsync(string title, IReadOnlyDictionary<string, string>? answers = null)
    {
        var (card, action) = Find(a => a["title"]?.GetValue<string>() == title)
            ?? throw new InvalidOperationException($"No card on screen has a button '{title}'. Last card: {LastCard.ToJsonString()[..Math.Min(600, LastCard.ToJsonString().Length)]}");
        await PressAsync(card, action, answers);
        return card;
    }

    /// <summary>Presses <paramref name="action"/> on <paramref name="card"/> as <see cref="PressAsync(string, IReadOnlyDictionary{string, string}?)"/> does.</summary>
    public Task PressAsync(JsonObject card, JsonObject action, IReadOnlyDictionary<string, string>? answers = null) =>
        RunAsync(new CardActionInput(CardActionData.Read(Fill(card, action, answers))));

    /// <summary>The button data plus the card's inputs, filled as a person would (<see cref="CardScreen.Fill"/>).</summary>
    public static JsonObject Fill(JsonObject card, JsonObject action, IReadOnlyDictionary<string, string>? answers = null) =>
        CardScreen.Fill(card, action, answers);

    /// <summary>The card an activity carries, if any.</summary>
    public static JsonObject? Card(ConnectorCall call) => call.Activity["attachments"]?[0]?["content"] as JsonObject;

    /// <summary>A newest-first search of the cards received for a button that matches.</summary>
    public (JsonObject Card, JsonObject Action)? Find(Func<JsonObject, bool> match)
    {
        foreach (var card in Received.Select(Card).OfType<JsonObject>().Reverse())
        {
            if (CardScreen.Buttons(card).FirstOrDefault(match) is { } action)
            {
                return (card, action);
            }
        }

        return null;
    }

    private async Task RunAsync(TurnInput input)
    {
        var before = Received.Count;
        var turn = new Turn(new TurnUser(chat.UserId, "Pat Practitioner"), new TurnConversation(chat.ConversationId, chat.IsGroup), input, clock.GetUtcNow(), "en-GB", "Europe/London");
        var outcome = await host.Get<TurnProcessor>().RunAsync(chat, turn, route: null, CancellationToken.None);
        Assert.False(outcome.Failed, "The turn failed: " + string.Join(" | ", outcome.Replies));
        Latest = [.. Received.Skip(before)];
        _seen = Received.Count;
    }

    /// <summary>Marks everything received so far as seen (after a proactive message, say).</summary>
    public void Catch() => Latest = [.. Received.Skip(_seen)];
}
