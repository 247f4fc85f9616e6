using System.Security.Cryptography;
using KitBot.Conversations;
using KitBot.Dialogs.Content;
using KitBot.Dialogs.Requests;
using KitBot.Dialogs.Turns;
using KitBot.Reminders;
using KitBot.Storage;
using Microsoft.Extensions.Options;

namespace KitBot.Requests;

/// <summary>
/// Answers the request verbs (<see cref="RequestVerbs.Stored"/>) and the typed request commands before the core,
/// like ReviewActions for reviews. The core decides (<see cref="RequestForm"/>, <see cref="RequestDecisions"/>,
/// <see cref="RequestTiming"/>); this applies the decisions to the request table, the channel card and the
/// practitioner's chat.
/// </summary>
public sealed class ConsultationRequests(
    IRequestStore requests,
    IConversationStore conversations,
    RequestChannel channel,
    Channels.ChannelDirectory channels,
    IRequestScheduler scheduler,
    ReminderCalendar calendar,
    PracticeContent content,
    IOptions<RequestOptions> options,
    TimeProvider time,
    ILogger<ConsultationRequests> logger) : Turns.IStoredVerbs
{
    /// <summary>How many open requests the list shows.</summary>
    public const int ListLimit = 20;

    private readonly RequestStart _start = new(content);

    /// <inheritdoc />
    public IReadOnlyCollection<string> Verbs { get; } = [.. RequestVerbs.Stored, Dialogs.Menu.MenuVerbs.AskConsultant];

    /// <inheritdoc />
    public async Task<IReadOnlyList<Reply>> HandleAsync(Turns.StoredTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Action.Verb == Dialogs.Menu.MenuVerbs.AskConsultant)
        {
            // Said before the form, not after it is filled in: is there a team to pass the question to?
            return _start.Ask(await channel.ResolveAsync(cancellationToken) is not null, turn.State);
        }

        return await HandleAsync(turn.Turn, turn.Action, turn.Reference, turn.Turn.User.DisplayName, cancellationToken);
    }

    /// <summary>Answers a turn whose card action is a request verb, pressed in <paramref name="reference"/>.</summary>
    public Task<IReadOnlyList<Reply>> HandleAsync(Turn turn, ConversationReference reference, string? displayName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return HandleAsync(turn, Dialogs.Engine.TypedCommands.ActionOf(turn.Input) ?? throw new ArgumentException("The turn asks for no action.", nameof(turn)),
            reference, displayName, cancellationToken);
    }

    /// <summary>
    /// Answers a request verb in <paramref name="reference"/>. <paramref name="displayName"/> is the person's name as
    /// the channel gives it (a professional's name, shown to colleagues).
    /// </summary>
    public async Task<IReadOnlyList<Reply>> HandleAsync(Turn turn, CardAction action, ConversationReference reference, string? displayName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(reference);
        if (action.Verb == RequestVerbs.UseChannel)
        {
            return [await UseChannelAsync(turn, reference, cancellationToken)];
        }

        var userId = turn.User.Id;
        var name = string.IsNullOrWhiteSpace(displayName) ? "A consultant" : displayName.Trim();
        if (action.Verb == RequestVerbs.Submit)
        {
            return await SubmitAsync(action, reference, userId, displayName, cancellationToken);
        }

        // Other practitioners' questions are for the adoption support team only.
        if (!await IsConsultantAsync(reference, userId, cancellationToken))
        {
            Log.RequestAction(logger, action.Verb, "-", "refused: not a consultant");
            return [new TextReply("Requests are seen and taken by the adoption support team in their channel. To ask the team something yourself, choose Ask a consultant from the menu.")];
        }

        switch (action.Verb)
        {
            case RequestVerbs.ListOpen:
                var open = await requests.ListOpenAsync(ListLimit, cancellationToken);
                return [RequestCards.List("Open requests", "There are no open requests. Thank you.", [.. open.Select(r => r.ToSnapshot())])];
            case RequestVerbs.ListMine:
                var mine = await requests.ListClaimedByAsync(userId, cancellationToken);
                return [RequestCards.List("My requests", "You have not taken any requests that are still open.", [.. mine.Select(r => r.ToSnapshot())])];
        }

        var request = action.Value(RequestVerbs.RequestId) is { } id ? await requests.GetAsync(id, cancellationToken) : null;
        if (request is null)
        {
            return [new TextReply("I could not find that request. Type open requests to see the ones waiting.")];
        }

        return await ActAsync(action, request, userId, name, cancellationToken);
    }

    /// <summary>A consultant acts in the consultants' channel (or a thread of it), or is listed in Requests:Consultants or Requests:Admins.</summary>
    private async Task<bool> IsConsultantAsync(ConversationReference reference, string userId, CancellationToken cancellationToken)
    {
        var listed = options.Value.Consultants.Concat(options.Value.Admins);
        if (listed.Contains(userId, StringComparer.Ordinal))
        {
            return true;
        }

        var consultants = await channel.ResolveAsync(cancellationToken);
        return consultants is not null
            && reference.Channel == consultants.Channel
            && reference.ConversationId.Split(";messageid=", 2)[0] == consultants.ConversationId;
    }

    private async Task<Reply> UseChannelAsync(Turn turn, ConversationReference reference, CancellationToken cancellationToken)
    {
        if (!reference.IsGroup)
        {
            return new TextReply("Please type this in the adoption support team's channel, not in a personal chat.");
        }

        if (!options.Value.Admins.Contains(turn.User.Id, StringComparer.Ordinal))
        {
            Log.RequestChannelRefused(logger);
            return new TextReply("Only an administrator named in KitBot's settings can choose the consultants' channel. Nothing has changed.");
        }

        // Typed in a thread, the conversation is "<channel>;messageid=<post>": requests must start new posts in the
        // channel itself, so the channel's own reference is what is stored.
        var channelId = reference.ConversationId.Split(";messageid=", 2)[0];
        var root = reference with { Key = ConversationReference.KeyFor(reference.Channel, channelId), ConversationId = channelId };
        var now = time.GetUtcNow();
        await conversations.SaveReferenceAsync(root, now, cancellationToken);
        await requests.SetChannelAsync(root.Key, turn.User.Id, now, cancellationToken);
        Log.RequestChannelSet(logger, root.Key);
        return new TextReply("Done: consultation requests from practitioners will now appear in this channel. Type open requests here at any time.");
    }

    private async Task<IReadOnlyList<Reply>> SubmitAsync(CardAction action, ConversationReference reference, string userId, string? displayName, CancellationToken cancellationToken)
    {
        var draft = RequestForm.Read(action, content, out var problem);
        if (draft is null)
        {
            return [new TextReply(problem!), RequestCards.Form(action.Value(RequestVerbs.Summary))];
        }

        // The same question sent again while the first is still with the team (a double click, Teams retrying) is the same request.
        // The question is encrypted at rest, so the same-question check is made here, on the practitioner's few active requests.
        if ((await requests.ListActiveAsync(userId, cancellationToken)).FirstOrDefault(r => r.Question == draft.Question) is { } existing)
        {
            return [RequestCards.Confirmation(content, existing.Reference, existing.Urgency)];
        }

        if (await channel.ResolveAsync(cancellationToken) is not { } consultants)
        {
            Log.RequestNoChannel(logger);
            return [new TextReply("The adoption support team's channel has not been set up in KitBot yet, so nothing was sent. Please contact the team directly, or ask your KitBot administrator.")];
        }

        var now = time.GetUtcNow();
        var hours = calendar.For(null);
        StoredRequest? stored = null;
        // A clash of short references is rare; a fresh one is drawn until the insert succeeds.
        for (var attempt = 0; attempt < 8 && stored is null; attempt++)
        {
            var candidate = new StoredRequest(
                StoredRequest.NewId(), RequestReference.From(RandomNumberGenerator.GetBytes(4)), reference.Key, userId,
                draft.Question, draft.Urgency, draft.Contact, draft.When, draft.Summary, RequestState.Open, null, null, null, null,
                now, RequestTiming.RaiseAt(hours, now, options.Value.RaiseAfter), null, RequestTiming.NoticeAt(hours, now), null, null,
                AskedBy: channels.For(reference)?.NameForColleagues(userId, displayName));
            stored = await requests.AddAsync(candidate, now, cancellationToken) ? candidate : null;
        }

        if (stored is null)
        {
            throw new InvalidOperationException("Could not store a consultation request: every reference drawn was taken.");
        }

        var messageId = await channel.PostAsync(consultants, stored.Id, RequestCards.Card(stored.ToSnapshot()), cancellationToken);
        if (messageId is not null)
        {
            await requests.SetChannelMessageAsync(stored.Id, consultants.Key, messageId, now, cancellationToken);
        }

        // Even if the post failed, the raise job posts it again: the request is never lost.
        scheduler.ScheduleRaise(stored.Id, stored.RaiseAt);
        scheduler.ScheduleNotice(stored.Id, stored.NoticeAt);
        Log.RequestCreated(logger, stored.Id, stored.Reference);
        return [RequestCards.Confirmation(content, stored.Reference, stored.Urgency)];
    }

    private async Task<IReadOnlyList<Reply>> ActAsync(CardAction action, StoredRequest request, string userId, string name, CancellationToken cancellationToken)
    {
        var decision = RequestDecisions.Decide(action.Verb, request.State, request.ClaimedBy == userId);
        if (decision != RequestDecision.Apply)
        {
            Log.RequestAction(logger, action.Verb, request.Id, decision.ToString());
            return [new TextReply(RequestDecisions.Explain(content, decision, request.Reference, request.ClaimedName))];
        }

        var note = action.Verb == RequestVerbs.Close ? action.Value(RequestVerbs.Note) : null;
        if (note is not null && content.Privacy.Check(note) != Dialogs.Privacy.PrivacyConcern.None)
        {
            return [new TextReply("The note seems to hold a name or contact details, so the request is still open and nothing was sent. Please describe people by their relationship to the child.")];
        }

        var now = time.GetUtcNow();
        var applied = action.Verb switch
        {
            RequestVerbs.Claim => await requests.TryClaimAsync(request.Id, userId, name, now, cancellationToken),
            RequestVerbs.Release => await requests.ReleaseAsync(request.Id, userId, RequestTiming.RaiseAt(calendar.For(null), now, options.Value.RaiseAfter), now, cancellationToken),
            _ => await requests.CloseAsync(request.Id, userId, now, cancellationToken),
        };

        var current = await requests.GetAsync(request.Id, cancellationToken) ?? request;
        if (!applied)
        {
            // Someone else changed it between the read and the write: the store decided; say where it is now.
            var settled = RequestDecisions.Decide(action.Verb, current.State, current.ClaimedBy == userId);
            Log.RequestAction(logger, action.Verb, request.Id, "lost the race: " + settled);
            return [new TextReply(RequestDecisions.Explain(content, settled == RequestDecision.Apply ? RequestDecision.TakenByOther : settled, current.Reference, current.ClaimedName))];
        }

        Log.RequestAction(logger, action.Verb, request.Id, "applied");
        await channel.UpdateAsync(current, RequestCards.Card(current.ToSnapshot()), cancellationToken);
        switch (action.Verb)
        {
            case RequestVerbs.Claim:
                await channel.NotifyPractitionerAsync(current, RequestCards.TakenNotice(content, current.Reference, name, current.Contact), cancellationToken);
                break;
            case RequestVerbs.Release:
                await channel.NotifyPractitionerAsync(current, RequestCards.ReleasedNotice(content, current.Reference), cancellationToken);
                scheduler.ScheduleRaise(current.Id, current.RaiseAt);
                break;
            default:
                await channel.NotifyPractitionerAsync(current, RequestCards.ClosedNotice(content, current.Reference, name, note), cancellationToken);
                break;
        }

        return [new TextReply(RequestDecisions.Done(content, action.Verb, current.Reference))];
    }
}
