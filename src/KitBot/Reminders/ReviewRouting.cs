using KitBot.Conversations;
using KitBot.Dialogs.Reviews;
using KitBot.Dialogs.Turns;
using KitBot.Storage;

namespace KitBot.Reminders;

/// <summary>
/// Answers "send my reviews here" and "send my reviews to me": a practitioner's review reminders go to their team's
/// channel (as a short note with no case details, opened in their personal chat) or to their personal chat. Answered
/// where it is typed, since neither the command nor the answer says anything about a child.
/// </summary>
public sealed class ReviewRouting(
    ReviewRouteStore routes,
    IConversationStore conversations,
    Channels.ChannelDirectory channels,
    Privacy.AuditLog audit,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<ReminderOptions> options,
    ILogger<ReviewRouting> logger) : Turns.IStoredVerbs
{
    /// <summary>The audit action for a change of where a person's reminders go (subject: the channel's key, or "personal").</summary>
    public const string AuditAction = "review.route";

    /// <summary>What a person hears after choosing a team channel for their reminders.</summary>
    public const string ToChannelText =
        "Done: your plan review reminders will come to this channel from now on, as a short note with your name and the due date and nothing about the child or the plan. " +
        "You open each one in your personal chat with KitBot. To have them in your personal chat again, type send my reviews to me.";

    /// <summary>What a person hears after choosing their personal chat again.</summary>
    public const string ToPersonalText = "Done: your plan review reminders will come to your personal chat with KitBot again.";

    /// <summary>What a person hears when their reminders already come to their personal chat.</summary>
    public const string AlreadyPersonalText =
        "Your plan review reminders already come to your personal chat with KitBot. To have them in your team's channel instead, type @KitBot send my reviews here in that channel.";

    /// <summary>What a person hears when the administrator keeps reminders in personal chats (Reminders:TeamChannels=false).</summary>
    public const string TurnedOffText =
        "In this organisation, plan review reminders come to each practitioner's personal chat with KitBot, not to team channels. Nothing has changed.";

    /// <inheritdoc />
    public IReadOnlyCollection<string> Verbs => ReviewVerbs.Routing;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Reply>> HandleAsync(Turns.StoredTurn stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var userId = stored.Turn.User.Id;
        var here = stored.Shared ?? stored.Reference;
        if (stored.Action.Verb == ReviewVerbs.RouteHere && here.IsGroup)
        {
            if (!options.Value.TeamChannels)
            {
                return [new TextReply(TurnedOffText)];
            }

            return [new TextReply(await ToChannelAsync(here, userId, stored.Turn.User.DisplayName, cancellationToken))];
        }

        // "Send my reviews here" typed in a personal chat means this chat, as "send my reviews to me" does.
        if (!await routes.RemoveAsync(userId, cancellationToken))
        {
            return [new TextReply(AlreadyPersonalText)];
        }

        await audit.WriteAsync(userId, AuditAction, "personal", cancellationToken);
        Log.ReviewRouteChanged(logger, "personal chat");
        return [new TextReply(ToPersonalText)];
    }

    private async Task<string> ToChannelAsync(ConversationReference shared, string userId, string? displayName, CancellationToken cancellationToken)
    {
        // Typed in a thread, a Teams conversation is "<channel>;messageid=<post>": reminders start new posts in the
        // channel itself, so the channel's own reference is what is stored.
        var channelId = shared.ConversationId.Split(";messageid=", 2)[0];
        var root = shared with { Key = ConversationReference.KeyFor(shared.Channel, channelId), ConversationId = channelId };
        var now = time.GetUtcNow();
        await conversations.SaveReferenceAsync(root, now, cancellationToken);
        var shownAs = channels.For(shared)?.NameForColleagues(userId, displayName);
        await routes.SetAsync(new ReviewRoute(userId, root.Key, string.IsNullOrWhiteSpace(shownAs) ? "a member of this team" : shownAs), now, cancellationToken);
        await audit.WriteAsync(userId, AuditAction, root.Key, cancellationToken);
        Log.ReviewRouteChanged(logger, root.Key);
        return ToChannelText;
    }
}
