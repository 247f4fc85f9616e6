using System.Text.Json.Nodes;
using KitBot.Cards;
using KitBot.Channels.Teams;
using KitBot.Conversations;
using KitBot.Dialogs.Plans;
using KitBot.Dialogs.Turns;
using KitBot.Plans;
using KitBot.Storage;
using Microsoft.Extensions.Options;

namespace KitBot.Channels.Slack;

/// <summary>
/// Renders channel-neutral replies as Slack messages (cards through <see cref="BlockKitTranslator"/>) and sends them
/// in order: within a turn, and proactively (reminders) to a stored reference. Outcomes are the same as Teams'
/// (<see cref="ConnectorOutcome"/>), so a caller handles both channels alike.
/// </summary>
public sealed class SlackSender(
    SlackWebApiClient api,
    IConversationStore store,
    SlackWorkspaces workspaces,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackSender> logger,
    SlackFormStore forms) : IChannel
{
    /// <inheritdoc />
    public string NameForColleagues(string userId, string? displayName) => $"<@{userId}>";

    /// <summary>The reference's channel name.</summary>
    public const string Channel = "slack";

    /// <inheritdoc />
    public IReadOnlyCollection<string> Names { get; } = [Channel];

    /// <inheritdoc />
    public async Task<ConnectorOutcome> SendAsync(ConversationReference to, IReadOnlyList<RenderedReply> replies, ReplyRoute? route, CancellationToken cancellationToken)
    {
        var slack = route as SlackRoute;
        if (slack?.Inline?.TryDeliver(replies) == true)
        {
            return ConnectorOutcome.Sent;
        }

        if (slack is { Ephemeral: true })
        {
            // Only the person may see it: through response_url, or (in a shared channel) not at all.
            if (slack.ResponseUrl is not null && await SendEphemeralAsync(slack.ResponseUrl, replies.SelectMany(Render), cancellationToken))
            {
                return ConnectorOutcome.Sent;
            }

            if (to.IsGroup)
            {
                return ConnectorOutcome.Failed;
            }
        }

        return await PostAsync(to, replies, slack?.ThreadTs, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ConversationReference?> OpenPersonalChatAsync(ConversationReference shared, string userId, CancellationToken cancellationToken) =>
        shared.TenantId is null ? Task.FromResult<ConversationReference?>(null) : OpenDirectMessageAsync(shared.TenantId, userId, cancellationToken);

    private async Task<ConnectorOutcome> PostAsync(ConversationReference reference, IReadOnlyList<RenderedReply> replies, string? threadTs, CancellationToken cancellationToken)
    {
        var workspace = workspaces.Find(reference.TenantId);
        if (workspace is null)
        {
            Log.SlackWorkspaceUnknown(logger, reference.Key);
            return ConnectorOutcome.Failed;
        }

        foreach (var message in replies.SelectMany(Render))
        {
            try
            {
                await api.PostMessageAsync(workspace.BotToken, reference.ConversationId, message, threadTs, cancellationToken);
            }
            catch (SlackApiException e) when (e.IsUnreachable)
            {
                Log.SlackConversationUnreachable(logger, reference.Key, e.Error);
                await store.MarkUnreachableAsync(reference.Key, time.GetUtcNow(), cancellationToken);
                return ConnectorOutcome.Unreachable;
            }
            catch (SlackApiException)
            {
                return ConnectorOutcome.Failed;
            }
            catch (HttpRequestException e)
            {
                Log.SlackApiFailed(logger, "chat.postMessage", e.GetType().Name);
                return ConnectorOutcome.Failed;
            }
        }

        return ConnectorOutcome.Sent;
    }

    /// <summary>
    /// Posts a card to a conversation (a consultation request in the consultants' channel); the first message's
    /// <c>ts</c>, which <see cref="UpdateCardAsync"/> later replaces, or null when Slack refused.
    /// </summary>
    public async Task<string?> PostCardAsync(ConversationReference reference, RenderedCard card, CancellationToken cancellationToken)
    {
        if (workspaces.Find(reference.TenantId) is not { } workspace)
        {
            Log.SlackWorkspaceUnknown(logger, reference.Key);
            return null;
        }

        string? first = null;
        foreach (var message in Render(card))
        {
            try
            {
                first ??= await api.PostMessageAsync(workspace.BotToken, reference.ConversationId, message, null, cancellationToken);
            }
            catch (Exception e) when (e is SlackApiException or HttpRequestException)
            {
                Log.SlackApiFailed(logger, "chat.postMessage", e.GetType().Name);
                return first;
            }
        }

        return first;
    }

    /// <summary>Replaces a posted card in place (<c>chat.update</c>), for everyone in the channel; false when Slack refused.</summary>
    public async Task<bool> UpdateCardAsync(ConversationReference reference, string ts, RenderedCard card, CancellationToken cancellationToken)
    {
        if (workspaces.Find(reference.TenantId) is not { } workspace)
        {
            Log.SlackWorkspaceUnknown(logger, reference.Key);
            return false;
        }

        try
        {
            await api.UpdateMessageAsync(workspace.BotToken, reference.ConversationId, ts, Render(card)[0], cancellationToken);
            return true;
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException)
        {
            Log.SlackApiFailed(logger, "chat.update", e.GetType().Name);
            return false;
        }
    }

    /// <summary>
    /// Opens (or finds) the direct message with a user through <c>conversations.open</c>, stores its reference and
    /// returns it, for reminders; null when the workspace is not configured or Slack refuses.
    /// </summary>
    public async Task<ConversationReference?> OpenDirectMessageAsync(string teamId, string userId, CancellationToken cancellationToken)
    {
        var workspace = workspaces.Find(teamId);
        if (workspace is null)
        {
            Log.SlackWorkspaceUnknown(logger, teamId);
            return null;
        }

        string channel;
        try
        {
            channel = await api.OpenConversationAsync(workspace.BotToken, userId, cancellationToken);
        }
        catch (SlackApiException)
        {
            return null;
        }

        var reference = Reference(teamId, channel, userId, null, isGroup: false);
        if (await store.GetReferenceAsync(reference.Key, cancellationToken) is { Unreachable: true } blocked)
        {
            // Opening a DM succeeds even when posting to it does not; only the person writing again heals it.
            return blocked;
        }

        await store.SaveReferenceAsync(reference, time.GetUtcNow(), cancellationToken);
        return reference;
    }

    /// <summary>
    /// Opens a stored form as a modal for a press of "Open the form" (call it straight from the request: the trigger
    /// lasts about 3 seconds). Its submission comes back as <c>view_submission</c> with the form's main submit data and
    /// the channel in <c>private_metadata</c>, and reaches the core as the card action Teams would send.
    /// When the form is gone or Slack refuses, the person is told through <c>response_url</c>; returns whether it opened.
    /// </summary>
    public async Task<bool> OpenFormAsync(SlackFormRequest request, CancellationToken cancellationToken)
    {
        var workspace = workspaces.Find(request.TeamId);
        var form = forms.Find(request.FormId);
        if (workspace is not null && form is not null)
        {
            var metadata = new JsonObject { ["channel"] = request.ChannelId, ["data"] = form.SubmitData?.DeepClone() ?? new JsonObject() }.ToJsonString();
            try
            {
                await api.OpenViewAsync(workspace.BotToken, request.TriggerId, BlockKitTranslator.FormModal(form, metadata), cancellationToken);
                return true;
            }
            catch (Exception e) when (e is SlackApiException or BlockKitLimitException or HttpRequestException)
            {
                Log.SlackFormNotOpened(logger, request.TeamId, request.ChannelId, e.GetType().Name);
            }
        }
        else
        {
            Log.SlackFormNotOpened(logger, request.TeamId, request.ChannelId, form is null ? "form not found" : "workspace unknown");
        }

        if (request.ResponseUrl is not null)
        {
            await SendEphemeralAsync(request.ResponseUrl, RenderText(
                "Sorry, this form could not be opened (it may be too old, or KitBot has restarted since). Please type menu to start that step again."),
                cancellationToken);
        }

        return false;
    }

    /// <summary>Replies only the person sees, through a <c>response_url</c>; false when the URL is not Slack's or Slack refuses.</summary>
    public async Task<bool> SendEphemeralAsync(string responseUrl, IEnumerable<SlackMessage> messages, CancellationToken cancellationToken)
    {
        if (!IsSlackResponseUrl(responseUrl, out var uri))
        {
            Log.SlackResponseUrlRefused(logger);
            return false;
        }

        try
        {
            foreach (var message in messages)
            {
                await api.PostToResponseUrlAsync(uri, Ephemeral(message), cancellationToken);
            }

            return true;
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException)
        {
            Log.SlackApiFailed(logger, "response_url", e is SlackApiException s ? s.Error : e.GetType().Name);
            return false;
        }
    }

    /// <summary>
    /// A slash command's immediate answer: as many replies' blocks as fit in one ephemeral message; the rest, if any,
    /// to send through <c>response_url</c>.
    /// </summary>
    public (JsonObject Response, IReadOnlyList<SlackMessage> Remaining) CommandResponse(IReadOnlyList<RenderedReply> replies)
    {
        var messages = replies.SelectMany(Render).ToList();
        var blocks = new JsonArray();
        var taken = 0;
        while (taken < messages.Count && blocks.Count + messages[taken].Blocks.Count <= BlockKitTranslator.MaxBlocksPerMessage)
        {
            foreach (var block in messages[taken].Blocks)
            {
                blocks.Add(block!.DeepClone());
            }

            taken++;
        }

        if (taken == 0)
        {
            return (Ephemeral(new SlackMessage("KitBot", [])), messages);
        }

        var response = Ephemeral(new SlackMessage(string.Join("\n", messages.Take(taken).Select(m => m.Text)), blocks));
        return (response, messages.Skip(taken).ToList());
    }

    /// <summary>One rendered reply as the Slack message(s) that show it.</summary>
    public IReadOnlyList<SlackMessage> Render(RenderedReply reply) => reply switch
    {
        RenderedText text => RenderText(text.Text),
        RenderedCard card => Translate(card),
        _ => [],
    };

    /// <summary>The reference stored for a Slack conversation (ServiceUrl is empty: the Web API base URL is a setting).</summary>
    public static ConversationReference Reference(string teamId, string channelId, string userId, string? botUserId, bool isGroup) =>
        new(ConversationReference.KeyFor(Channel, channelId), Channel, channelId, "", userId, botUserId, teamId, isGroup);

    private IReadOnlyList<SlackMessage> Translate(RenderedCard card)
    {
        var (template, summary) = (card.Template, card.Summary);
        try
        {
            var formId = SlackFormStore.NewId();
            var translated = BlockKitTranslator.Translate(card.Card, summary, formId);
            if (translated.Form is not null)
            {
                // Too large for a message: the form waits here for its "Open the form" button (OpenFormAsync).
                forms.Save(formId, translated.Form);
                Log.SlackFormForModal(logger, template, translated.Form.Blocks.Count);
            }

            return translated.Messages;
        }
        catch (BlockKitLimitException e)
        {
            // Said, not swallowed: the person learns the card could not be shown, the log says which limit.
            Log.SlackCardTooLarge(logger, template, e.Limit);
            return RenderText($"{summary}\n\n(This card is too large to show in Slack. Please use KitBot in Microsoft Teams for this step, or type menu.)");
        }
    }

    /// <summary>A plain message as Slack messages: plain-text sections, so the prose shows exactly as written.</summary>
    public static IReadOnlyList<SlackMessage> RenderText(string text)
    {
        // Plain text objects show no mrkdwn, so the prose pastes cleanly into a record.
        var blocks = BlockKitTranslator.Split(text, BlockKitTranslator.MaxSectionText)
            .Select(piece => (JsonNode)new JsonObject
            {
                ["type"] = "section",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = piece, ["emoji"] = false },
            })
            .Chunk(BlockKitTranslator.MaxBlocksPerMessage)
            .Select(chunk => new SlackMessage(BlockKitTranslator.Escape(BlockKitTranslator.Shorten(text, 3000)), new JsonArray(chunk)))
            .ToList();
        return blocks;
    }

    private static JsonObject Ephemeral(SlackMessage message)
    {
        var body = new JsonObject
        {
            ["response_type"] = "ephemeral",
            ["replace_original"] = false,
            ["text"] = message.Text,
        };
        if (message.Blocks.Count > 0)
        {
            body["blocks"] = message.Blocks.DeepClone();
        }

        return body;
    }

    private bool IsSlackResponseUrl(string url, out Uri uri) =>
        Uri.TryCreate(url, UriKind.Absolute, out uri!)
        && url.StartsWith(options.Value.ResponseUrlPrefix, StringComparison.OrdinalIgnoreCase)
        && !url.Contains("..", StringComparison.Ordinal);
}
