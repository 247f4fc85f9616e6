using KitBot.Dialogs.Turns;
using KitBot.Storage;
using KitBot.Turns;

namespace KitBot.Channels.Slack;

/// <summary>
/// Translates between Slack and the dialog core: a verified request in, a <see cref="Turn"/> to the turn pipeline,
/// which answers through <see cref="SlackSender"/> (inline, <c>response_url</c> or the Web API). It decides nothing about practice.
/// </summary>
public sealed class SlackAdapter(
    TurnProcessor turns,
    IConversationStore store,
    TimeProvider time)
{
    /// <summary>Runs one queued turn; the pipeline delivers its replies.</summary>
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
        await turns.RunAsync(reference, turn, new SlackRoute(request.ThreadTs, request.ResponseUrl, request.Ephemeral, item.Inline), cancellationToken);
    }
}
