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

    // Button numbers per card kind (template): a title keeps the number it was first given, so "Save changes" or
    // "Back" is the same number on every card of that kind, whichever other buttons a card shows.
    private readonly Dictionary<string, List<string>> _numbers = new(StringComparer.Ordinal);

    /// <summary>The last card shown, whose buttons the numbers press.</summary>
    public CardText? LastCard { get; private set; }

    /// <summary>The last card's buttons by the numbers shown beside them.</summary>
    public IReadOnlyDictionary<int, CardButton> Numbered { get; private set; } = new Dictionary<int, CardButton>();

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
                    await ShowAsync(card.Template, CardText.From(card.Card));
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

    private async Task ShowAsync(string template, CardText card)
    {
        LastCard = card;
        await _output.WriteLineAsync(card.Text);
        if (card.Inputs.Count > 0)
        {
            await _output.WriteLineAsync($"(This card asks {card.Inputs.Count} question(s): choose a button and I will show them as one numbered form.)");
        }

        if (!_numbers.TryGetValue(template, out var titles))
        {
            _numbers[template] = titles = [];
        }

        var numbered = new Dictionary<int, CardButton>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var button in card.Buttons)
        {
            // The second "Open" on a list of plans is its own button: keyed by title and how many came before.
            var occurrence = seen[button.Title] = seen.GetValueOrDefault(button.Title) + 1;
            var key = $"{button.Title}\u0001{occurrence}";
            var index = titles.IndexOf(key);
            if (index < 0)
            {
                titles.Add(key);
                index = titles.Count - 1;
            }

            numbered[index + 1] = button;
            await _output.WriteLineAsync($"  {index + 1}) {button.Title}");
        }

        Numbered = numbered;
    }
}
