using System.Text.Json.Nodes;
using KitBot.Dialogs.Content;
using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Turns;
using Microsoft.Extensions.Time.Testing;

namespace KitBot.Dialogs.Tests.Support;

/// <summary>
/// Drives <see cref="DialogEngine"/> in memory like a person in a chat: send text, press a button on the latest
/// card, expect a card or a message. Between every turn the state goes through the real serializer, as the host
/// stores it, so every transcript also checks that a conversation resumes where it left off.
/// </summary>
internal sealed class Transcript
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 3, 9, 30, 0, TimeSpan.Zero));
    private readonly PracticeContent _content;
    private DialogEngine _engine;
    private CardReply? _lastCard;

    public Transcript(PracticeContent? content = null)
    {
        _content = content ?? PracticeContent.Default;
        _engine = new DialogEngine(_content);
    }

    /// <summary>The stored state, exactly as the host would hold it.</summary>
    public string StateJson { get; private set; } = string.Empty;

    public ConversationState State => ConversationStateSerializer.Deserialize(StateJson);

    /// <summary>The replies to the latest turn.</summary>
    public IReadOnlyList<Reply> Replies { get; private set; } = [];

    /// <summary>Every card sent so far, in order.</summary>
    public List<CardReply> Cards { get; } = [];

    /// <summary>The most recent card the person has been sent.</summary>
    public CardReply LastCard => _lastCard ?? throw new InvalidOperationException("No card has been sent yet.");

    public PracticeContent Content => _content;

    /// <summary>True to act as in a channel or group chat, where others can read the conversation.</summary>
    public bool InGroup { get; set; }

    /// <summary>Moves the clock on, as days pass between turns.</summary>
    public Transcript Advance(TimeSpan by)
    {
        _time.Advance(by);
        return this;
    }

    /// <summary>A new engine, as after a restart of KitBot; the stored state is kept.</summary>
    public Transcript RestartHost()
    {
        _engine = new DialogEngine(_content);
        return this;
    }

    public Transcript Send(string text) => Run(new TextInput(text));

    /// <summary>Presses a button with <paramref name="verb"/> on <paramref name="card"/> (default: the latest card).</summary>
    public Transcript Click(string verb, IReadOnlyDictionary<string, string>? values = null, CardReply? card = null)
    {
        var on = card ?? LastCard;
        var cid = on.Data[StepCards.DialogIdKey]?.GetValue<string>();
        var step = on.Data[StepCards.StepKey]?.GetValue<int>();
        return Run(new CardActionInput(new CardAction(verb, cid, step, values ?? new Dictionary<string, string>())));
    }

    /// <summary>Presses a menu button (menu buttons belong to no step).</summary>
    public Transcript Menu(string verb) =>
        Run(new CardActionInput(new CardAction(verb, null, null, new Dictionary<string, string>())));

    /// <summary>Submits the latest card's main action with its inputs as pre-filled, changed by <paramref name="answers"/>.</summary>
    public Transcript Submit(params (string Input, string Value)[] answers) => Submit(LastCard, answers);

    public Transcript Submit(CardReply card, params (string Input, string Value)[] answers)
    {
        var values = CardInputs.Current(card);
        foreach (var (input, value) in answers)
        {
            values[input] = value;
        }

        return Click(CardInputs.MainVerb(card), values, card);
    }

    public CardReply ExpectCard(string template)
    {
        var card = Replies.OfType<CardReply>().LastOrDefault();
        Assert.True(card is not null, $"Expected a '{template}' card; got: {Describe()}");
        Assert.Equal(template, card!.Template);
        return card;
    }

    public Transcript ExpectText(string fragment)
    {
        Assert.True(
            Replies.OfType<TextReply>().Any(r => r.Text.Contains(fragment, StringComparison.OrdinalIgnoreCase)),
            $"Expected a message containing '{fragment}'; got: {Describe()}");
        return this;
    }

    public Transcript ExpectNoCard()
    {
        Assert.True(!Replies.OfType<CardReply>().Any(), $"Expected no card; got: {Describe()}");
        return this;
    }

    public string Describe() => string.Join(" | ", Replies.Select(r => r switch
    {
        TextReply t => "text: " + t.Text,
        CardReply c => "card: " + c.Template,
        ChoicesReply c => "choices: " + c.Prompt,
        _ => r.ToString(),
    }));

    private Transcript Run(TurnInput input)
    {
        _time.Advance(TimeSpan.FromSeconds(20));
        var turn = new Turn(new TurnUser("user-1"), new TurnConversation("conv-1", InGroup), input, _time.GetUtcNow(), "en-GB", "Europe/London");
        var result = _engine.Run(turn, ConversationStateSerializer.Deserialize(StateJson));
        StateJson = ConversationStateSerializer.Serialize(result.State);
        Replies = result.Replies;
        foreach (var card in result.Replies.OfType<CardReply>())
        {
            // Cards are compared as the host would render them later: detached copies of the data.
            var copy = card with { Data = (JsonObject)card.Data.DeepClone() };
            Cards.Add(copy);
            _lastCard = copy;
        }

        return this;
    }
}
