using KitBot.Cards;
using KitBot.Channels.Teams;
using KitBot.Conversations;

namespace KitBot.Channels.Console;

/// <summary>
/// The terminal as an <see cref="IChannel"/>: rendered replies written as text, cards with numbered buttons. The chat
/// (<see cref="ConsoleChat"/>) reads the last card shown to know what a number presses.
/// </summary>
public sealed class ConsoleChannel : IChannel
{
    /// <summary>The reference's channel name.</summary>
    public const string Channel = "console";

    private TextWriter _output = TextWriter.Null;

    /// <inheritdoc />
    public IReadOnlyCollection<string> Names { get; } = [Channel];

    /// <inheritdoc />
    public string NameForColleagues(string userId, string? displayName) =>
        string.IsNullOrWhiteSpace(displayName) ? "a practitioner using the terminal chat" : displayName.Trim();

    /// <summary>The last card shown, whose buttons the numbers press.</summary>
    public CardText? LastCard { get; private set; }

    /// <summary>Where the terminal's text goes.</summary>
    public void Attach(TextWriter output) => _output = output ?? throw new ArgumentNullException(nameof(output));

    /// <inheritdoc />
    public async Task<ConnectorOutcome> SendAsync(ConversationReference to, IReadOnlyList<RenderedReply> replies, ReplyRoute? route, CancellationToken cancellationToken)
    {
        foreach (var reply in replies)
        {
            switch (reply)
            {
                case RenderedText text:
                    await _output.WriteLineAsync(text.Text);
                    break;
                case RenderedCard card:
                    await ShowAsync(CardText.From(card.Card));
                    break;
            }

            await _output.WriteLineAsync();
        }

        return ConnectorOutcome.Sent;
    }

    /// <inheritdoc />
    public Task<ConversationReference?> OpenPersonalChatAsync(ConversationReference shared, string userId, CancellationToken cancellationToken) =>
        Task.FromResult<ConversationReference?>(null);

    /// <inheritdoc />
    public async Task<string?> PostCardAsync(ConversationReference to, RenderedCard card, CancellationToken cancellationToken)
    {
        await SendAsync(to, [card], null, cancellationToken);
        return Guid.NewGuid().ToString("N");
    }

    /// <inheritdoc />
    public async Task<bool> UpdateCardAsync(ConversationReference to, string messageId, RenderedCard card, CancellationToken cancellationToken)
    {
        await SendAsync(to, [card], null, cancellationToken);
        return true;
    }

    private async Task ShowAsync(CardText card)
    {
        LastCard = card;
        await _output.WriteLineAsync(card.Text);
        if (card.Inputs.Count > 0)
        {
            await _output.WriteLineAsync($"(This card asks {card.Inputs.Count} question(s): choose a button and I will show them as one numbered form.)");
        }

        for (var i = 0; i < card.Buttons.Count; i++)
        {
            await _output.WriteLineAsync($"  {i + 1}) {card.Buttons[i].Title}");
        }
    }
}
