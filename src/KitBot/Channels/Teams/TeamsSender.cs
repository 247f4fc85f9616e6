using System.Text.Json.Nodes;
using KitBot.Cards;
using KitBot.Conversations;
using KitBot.Dialogs.Plans;
using KitBot.Dialogs.Turns;
using KitBot.Plans;
using KitBot.Storage;

namespace KitBot.Channels.Teams;

/// <summary>
/// Renders channel-neutral replies as Teams activities and sends them in order. Used for replies within a
/// turn and for proactive messages; a 403 or 404 marks the conversation unreachable.
/// </summary>
public sealed class TeamsSender(
    IConnectorClient connector,
    CardRenderer cards,
    IConversationStore store,
    TimeProvider time,
    ILogger<TeamsSender> logger,
    DownloadLinks downloads)
{
    /// <summary>The template used to show a <see cref="ChoicesReply"/>.</summary>
    public const string ChoicesTemplate = "choices";

    /// <summary>Sends replies to a stored conversation; stops at the first one that cannot be delivered.</summary>
    public async Task<ConnectorOutcome> SendAsync(ConversationReference reference, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        foreach (var reply in replies)
        {
            var result = await connector.SendAsync(reference, ToActivity(reference, reply), cancellationToken);
            if (result.Outcome == ConnectorOutcome.Unreachable)
            {
                Log.ConversationUnreachable(logger, reference.Key, result.StatusCode);
                await store.MarkUnreachableAsync(reference.Key, time.GetUtcNow(), cancellationToken);
            }

            if (result.Outcome != ConnectorOutcome.Sent)
            {
                return result.Outcome;
            }
        }

        return ConnectorOutcome.Sent;
    }

    /// <summary>
    /// Opens (or finds) the 1:1 chat between the bot and <paramref name="userId"/> in the tenant of
    /// <paramref name="shared"/>, a channel or group chat, and stores its reference. Null when Teams refuses.
    /// </summary>
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
        await store.SaveReferenceAsync(personal, time.GetUtcNow(), cancellationToken);
        return personal;
    }

    /// <summary>Renders one reply as an outgoing message activity.</summary>
    public Activity ToActivity(ConversationReference reference, Reply reply)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            From = reference.BotId is null ? null : new ChannelAccount { Id = reference.BotId },
            Conversation = new ConversationAccount { Id = reference.ConversationId },
        };

        switch (reply)
        {
            case TextReply text:
                activity.Text = text.Text;
                activity.TextFormat = "plain";
                break;
            case CardReply card:
                activity.Summary = card.Summary;
                activity.Attachments = [AdaptiveCard(cards.Render(card))];
                break;
            case ChoicesReply choices:
                activity.Summary = choices.Prompt;
                activity.Attachments = [AdaptiveCard(cards.Render(ChoicesTemplate, ChoicesData(choices)))];
                break;
            case DownloadReply download:
                // The link is bound to the person the reply is for: the reference is built from their activity.
                var link = downloads.Issue(ConversationReference.StateKeyFor(reference.Key, reference.UserId), download.PlanId, download.Format);
                Log.PlanLinkIssued(logger, download.PlanId, download.Format.ToString(), link.Expires);
                activity.Summary = download.Text;
                activity.Attachments = [AdaptiveCard(cards.Render(PlanTemplates.Download, downloads.CardData(download, link)))];
                break;
        }

        return activity;
    }

    private static Attachment AdaptiveCard(JsonObject card) => new()
    {
        ContentType = ActivityTypes.AdaptiveCardContentType,
        Content = card,
    };

    private static JsonObject ChoicesData(ChoicesReply choices) => new()
    {
        ["prompt"] = choices.Prompt,
        ["choices"] = new JsonArray(choices.Choices
            .Select(c => (JsonNode)new JsonObject { ["label"] = c.Label, ["verb"] = c.Verb })
            .ToArray()),
    };
}
