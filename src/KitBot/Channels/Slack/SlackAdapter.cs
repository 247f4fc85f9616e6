using KitBot.Dialogs.Turns;
using KitBot.Storage;
using KitBot.Turns;

namespace KitBot.Channels.Slack;

/// <summary>
/// Translates between Slack and the dialog core: a verified request in, a <see cref="Turn"/> to the core, replies out
/// through the Web API (or inline / <c>response_url</c> where only the person may see them). It decides nothing about practice.
/// </summary>
public sealed class SlackAdapter(
    TurnProcessor turns,
    IConversationStore store,
    SlackSender sender,
    TimeProvider time,
    ILogger<SlackAdapter> logger,
    Requests.ConsultationRequests? requests = null)
{
    private static readonly IReadOnlyList<Reply> Sorry =
        [new TextReply("Sorry, something went wrong on my side and nothing was saved. Please try again, or type menu.")];

    /// <summary>Runs one queued turn and delivers its replies.</summary>
    public async Task ProcessAsync(SlackWorkItem item, CancellationToken cancellationToken)
    {
        var request = item.Request;
        var reference = SlackSender.Reference(request.TeamId, request.ChannelId, request.UserId, request.BotUserId, !request.IsDirect);
        await store.SaveReferenceAsync(reference, time.GetUtcNow(), cancellationToken);

        var turn = new Turn(
            new TurnUser(request.UserId),
            new TurnConversation(request.ChannelId, !request.IsDirect),
            request.Input,
            request.Timestamp);
        var stateKey = $"{reference.Key}:{request.UserId}";
        IReadOnlyList<Reply> replies;
        try
        {
            // Consultation requests change stored rows: the host answers them before the core, as for Teams. Slack
            // payloads carry no display name here, so consultants are shown as "A consultant".
            var handled = requests is null ? null : await requests.TryHandleAsync(turn, reference, null, cancellationToken);
            replies = handled ?? (await turns.RunAsync(stateKey, turn, cancellationToken)).Replies;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The turn boundary: logged by id, answered kindly; the worker keeps serving.
            Log.TurnFailed(logger, stateKey, e.GetType().Name, e);
            replies = Sorry;
        }

        if (item.Inline?.TryDeliver(replies) == true)
        {
            return;
        }

        await DeliverAsync(request, reference, replies, cancellationToken);
    }

    private async Task DeliverAsync(SlackTurnRequest request, Conversations.ConversationReference reference, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        if (request.Ephemeral)
        {
            if (request.ResponseUrl is not null
                && await sender.SendEphemeralAsync(request.ResponseUrl, replies.SelectMany(sender.Render), cancellationToken))
            {
                return;
            }

            // Only this person may see the answer: in a shared channel it goes to their direct message instead.
            if (!request.IsDirect)
            {
                var direct = await sender.OpenDirectMessageAsync(request.TeamId, request.UserId, cancellationToken);
                if (direct is not null)
                {
                    await sender.SendAsync(direct, replies, cancellationToken);
                }

                return;
            }
        }

        await sender.SendAsync(reference, replies, request.ThreadTs, cancellationToken);
    }
}
