using System.Text.Json.Nodes;
using KitBot.Cards;
using KitBot.Conversations;
using KitBot.Storage;

namespace KitBot.Channels.Teams;

/// <summary>
/// Teams (and the Agents Playground) as an <see cref="IChannel"/>: rendered replies as Bot Framework message
/// activities through the connector, within a turn and proactively; a 403 or 404 marks the conversation unreachable.
/// </summary>
public sealed class TeamsSender(
    IConnectorClient connector,
    IConversationStore store,
    TimeProvider time,
    ILogger<TeamsSender> logger) : IChannel
{
    /// <inheritdoc />
    public string NameForColleagues(string userId, string? displayName) =>
        string.IsNullOrWhiteSpace(displayName) ? "a practitioner (no name given by Teams)" : displayName.Trim();

    /// <inheritdoc />
    public IReadOnlyCollection<string> Names { get; } = ["msteams", "emulator", "webchat", "test"];

    /// <inheritdoc />
    public async Task<ConnectorOutcome> SendAsync(ConversationReference to, IReadOnlyList<RenderedReply> replies, ReplyRoute? route, CancellationToken cancellationToken)
    {
        var outcome = ConnectorOutcome.Sent;
        foreach (var reply in replies)
        {
            var result = await connector.SendAsync(to, ToActivity(to, reply), cancellationToken);
            if (result.Outcome == ConnectorOutcome.Unreachable)
            {
                Log.ConversationUnreachable(logger, to.Key, result.StatusCode);
                await store.MarkUnreachableAsync(to.Key, time.GetUtcNow(), cancellationToken);
            }

            if (result.Outcome == ConnectorOutcome.Unconfirmed)
            {
                // A slow connector, not a refusal: that reply is not posted again, and the next ones still go.
                outcome = ConnectorOutcome.Unconfirmed;
                continue;
            }

            if (result.Outcome != ConnectorOutcome.Sent)
            {
                return result.Outcome;
            }
        }

        return outcome;
    }

    /// <inheritdoc />
    public async Task<ConversationReference?> OpenPersonalChatAsync(ConversationReference shared, string userId, CancellationToken cancellationToken)
    {
        if (shared.BotId is null)
        {
            return null;
        }

        var chat = await connector.CreateConversationAsync(shared.ServiceUrl, shared.BotId, userId, shared.TenantId, cancellationToken);
        if (chat.Outcome != ConnectorOutcome.Sent || chat.ConversationId is null)
        {
            return null;
        }

        var personal = new ConversationReference(
            ConversationReference.KeyFor(shared.Channel, chat.ConversationId),
            shared.Channel,
            chat.ConversationId,
            chat.ServiceUrl ?? shared.ServiceUrl,
            userId,
            shared.BotId,
            shared.TenantId,
            IsGroup: false);
        if (await store.GetReferenceAsync(personal.Key, cancellationToken) is { Unreachable: true } blocked)
        {
            return blocked;
        }

        await store.SaveReferenceAsync(personal, time.GetUtcNow(), cancellationToken);
        return personal;
    }

    /// <inheritdoc />
    public async Task<string?> PostCardAsync(ConversationReference to, RenderedCard card, CancellationToken cancellationToken)
    {
        var result = await connector.SendAsync(to, ToActivity(to, card), cancellationToken);
        return result.Outcome == ConnectorOutcome.Sent ? result.ActivityId : null;
    }

    /// <inheritdoc />
    public async Task<bool> UpdateCardAsync(ConversationReference to, string messageId, RenderedCard card, CancellationToken cancellationToken)
    {
        var result = await connector.UpdateAsync(to, messageId, ToActivity(to, card), cancellationToken);
        return result.Outcome == ConnectorOutcome.Sent;
    }

    /// <summary>One rendered reply as an outgoing message activity.</summary>
    public static Activity ToActivity(ConversationReference reference, RenderedReply reply)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            From = reference.BotId is null ? null : new ChannelAccount { Id = reference.BotId },
            Conversation = new ConversationAccount { Id = reference.ConversationId },
        };

        switch (reply)
        {
            case RenderedText text:
                // Teams runs plain text together into one paragraph: as escaped markdown, every line break shows and
                // no character of the prose is read as formatting.
                activity.Text = MarkdownText.Escape(text.Text);
                activity.TextFormat = "markdown";
                break;
            case RenderedCard card:
                activity.Summary = card.Summary;
                activity.Attachments = [AdaptiveCard(card)];
                break;
        }

        return activity;
    }

    // The card's rendered bytes go into the activity as they are (no node tree is built or serialized for Teams).
    private static Attachment AdaptiveCard(RenderedCard card) => new()
    {
        ContentType = ActivityTypes.AdaptiveCardContentType,
        ContentUtf8 = card.Utf8,
    };
}
