using KitBot.Conversations;
using KitBot.Dialogs.Turns;
using KitBot.Storage;
using Microsoft.Extensions.Options;

namespace KitBot.Requests;

/// <summary>
/// Where the consultants are and how to reach the practitioner: posts a request's card to the consultants'
/// channel (keeping the activity id), updates it in place, and messages the practitioner's own chat.
/// </summary>
public sealed class RequestChannel(
    IRequestStore requests,
    IConversationStore conversations,
    Channels.ChannelDirectory channels,
    IOptions<RequestOptions> options,
    ILogger<RequestChannel> logger)
{
    /// <summary>The consultants' channel: the one an administrator chose, else the one in settings, else null.</summary>
    public async Task<ConversationReference?> ResolveAsync(CancellationToken cancellationToken)
    {
        if (await requests.GetChannelAsync(cancellationToken) is { } key
            && await conversations.GetReferenceAsync(key, cancellationToken) is { } chosen)
        {
            return chosen;
        }

        return FromSettings();
    }

    /// <summary>Posts a card to the channel; the posted message's id, or null when it could not be posted.</summary>
    public async Task<string?> PostAsync(ConversationReference channel, string requestId, CardReply card, CancellationToken cancellationToken)
    {
        var id = channels.For(channel) is { } to ? await to.PostCardAsync(channel, channels.Render(card), cancellationToken) : null;
        if (id is null)
        {
            Log.RequestChannelFailed(logger, requestId, "not posted");
        }

        return id;
    }

    /// <summary>Replaces the request's card in the channel with its current state, for everyone.</summary>
    public async Task UpdateAsync(StoredRequest request, CardReply card, CancellationToken cancellationToken)
    {
        if (request.ChannelKey is null || request.ChannelMessageId is null)
        {
            return;
        }

        var channel = await conversations.GetReferenceAsync(request.ChannelKey, cancellationToken)
            ?? (FromSettings() is { } configured && configured.Key == request.ChannelKey ? configured : null);
        if (channel is null)
        {
            return;
        }

        if (channels.For(channel) is not { } to || !await to.UpdateCardAsync(channel, request.ChannelMessageId, channels.Render(card), cancellationToken))
        {
            Log.RequestChannelFailed(logger, request.Id, "not updated");
        }
    }

    /// <summary>Messages the practitioner in the chat they asked from.</summary>
    public async Task NotifyPractitionerAsync(StoredRequest request, Reply reply, CancellationToken cancellationToken)
    {
        if (await conversations.GetReferenceAsync(request.ConversationKey, cancellationToken) is { Unreachable: false } chat)
        {
            await channels.SendAsync(chat with { UserId = request.UserId }, [reply], cancellationToken);
        }
    }

    private ConversationReference? FromSettings()
    {
        var channel = options.Value.Channel;
        return channel.IsConfigured
            ? new ConversationReference(
                ConversationReference.KeyFor(channel.Channel, channel.ConversationId), channel.Channel, channel.ConversationId,
                channel.ServiceUrl, string.Empty, null, string.IsNullOrWhiteSpace(channel.TenantId) ? null : channel.TenantId, IsGroup: true)
            : null;
    }
}
