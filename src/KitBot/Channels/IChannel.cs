using KitBot.Cards;
using KitBot.Channels.Teams;
using KitBot.Conversations;

namespace KitBot.Channels;

/// <summary>
/// What KitBot can do in one channel (Teams, Slack, the terminal), whoever asks: the turn pipeline, reminders and
/// the consultants' channel use it without asking which channel it is. Replies arrive already rendered
/// (<see cref="ReplyRenderer"/>); the channel only wraps them in its wire format.
/// </summary>
public interface IChannel
{
    /// <summary>The <see cref="ConversationReference.Channel"/> names this channel serves.</summary>
    IReadOnlyCollection<string> Names { get; }

    /// <summary>
    /// Sends rendered replies to a conversation, in order, stopping at the first that cannot be delivered.
    /// <paramref name="route"/> is the channel's own detail of where a turn's replies go (a Slack thread, an
    /// ephemeral response), or null for a plain proactive message. A 403/404 marks the reference unreachable.
    /// </summary>
    Task<ConnectorOutcome> SendAsync(ConversationReference to, IReadOnlyList<RenderedReply> replies, ReplyRoute? route, CancellationToken cancellationToken);

    /// <summary>
    /// Opens (or finds) the 1:1 chat with <paramref name="userId"/> beside a shared conversation, stores its reference;
    /// null when refused. A chat already marked unreachable comes back as stored, still marked: only the person
    /// writing again makes it reachable.
    /// </summary>
    Task<ConversationReference?> OpenPersonalChatAsync(ConversationReference shared, string userId, CancellationToken cancellationToken);

    /// <summary>Posts a card to a conversation; the posted message's id (to update it later), or null when refused.</summary>
    Task<string?> PostCardAsync(ConversationReference to, RenderedCard card, CancellationToken cancellationToken);

    /// <summary>
    /// How colleagues in this channel are told who someone is, on a card in a shared conversation (a Slack mention,
    /// the display name Teams gives). Professionals' names only: never a name from case details.
    /// </summary>
    string NameForColleagues(string userId, string? displayName);

    /// <summary>Replaces a posted card in place, for everyone who sees it; false when refused.</summary>
    Task<bool> UpdateCardAsync(ConversationReference to, string messageId, RenderedCard card, CancellationToken cancellationToken);
}

/// <summary>A channel's own detail of where a turn's replies go (see <see cref="IChannel.SendAsync"/>).</summary>
public abstract record ReplyRoute
{
    /// <summary>True when only the person who acted sees the replies (a Slack ephemeral answer), even in a shared conversation.</summary>
    public virtual bool IsPrivate => false;
}
