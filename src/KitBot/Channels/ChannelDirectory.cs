using KitBot.Cards;
using KitBot.Channels.Teams;
using KitBot.Conversations;

namespace KitBot.Channels;

/// <summary>Finds the <see cref="IChannel"/> for a stored reference; the only place a channel is chosen by name.</summary>
public sealed class ChannelDirectory
{
    private readonly Dictionary<string, IChannel> _channels = new(StringComparer.Ordinal);
    private readonly ReplyRenderer _renderer;

    public ChannelDirectory(IEnumerable<IChannel> channels, ReplyRenderer renderer)
    {
        _renderer = renderer;
        foreach (var channel in channels)
        {
            foreach (var name in channel.Names)
            {
                if (!_channels.TryAdd(name, channel))
                {
                    throw new InvalidOperationException($"Two channels claim the name '{name}'.");
                }
            }
        }
    }

    /// <summary>The channel a reference belongs to, or null when this host does not serve it.</summary>
    public IChannel? For(ConversationReference reference) =>
        _channels.TryGetValue(reference.Channel, out var channel) ? channel : null;

    /// <summary>
    /// Renders and sends replies proactively to a stored conversation (download links bound to the reference's user).
    /// </summary>
    public async Task<ConnectorOutcome> SendAsync(ConversationReference to, IReadOnlyList<Dialogs.Turns.Reply> replies, CancellationToken cancellationToken)
    {
        if (For(to) is not { } channel)
        {
            return ConnectorOutcome.Failed;
        }

        var rendered = _renderer.Render(replies, ConversationReference.StateKeyFor(to.Key, to.UserId));
        return await channel.SendAsync(to, rendered, null, cancellationToken);
    }

    /// <summary>Renders a card once, for <see cref="IChannel.PostCardAsync"/> and <see cref="IChannel.UpdateCardAsync"/>.</summary>
    public RenderedCard Render(Dialogs.Turns.CardReply card) => (RenderedCard)_renderer.Render(card, owner: string.Empty);
}
