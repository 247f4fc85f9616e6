using KitBot.Dialogs.Requests;
using KitBot.Dialogs.Turns;
using KitBot.Reminders;
using KitBot.Storage;
using Microsoft.Extensions.Options;

namespace KitBot.Requests;

/// <summary>
/// The Hangfire jobs for requests. Each takes a request id and is safe to run twice: the store only changes an
/// open request that is due, so a second run (or one for a request taken meanwhile) does nothing.
/// </summary>
public sealed class RequestJobs(
    IRequestStore requests,
    RequestChannel channel,
    IRequestScheduler scheduler,
    ReminderCalendar calendar,
    KitBot.Dialogs.Content.PracticeContent content,
    IOptions<RequestOptions> options,
    TimeProvider time,
    ILogger<RequestJobs> logger)
{
    /// <summary>Raises an unclaimed request again in the consultants' channel, in working hours only; true when it did.</summary>
    public async Task<bool> RaiseAsync(string requestId, CancellationToken cancellationToken)
    {
        var request = await requests.GetAsync(requestId, cancellationToken);
        if (request is not { State: RequestState.Open })
        {
            return false;
        }

        var now = time.GetUtcNow();
        var hours = calendar.For(null);
        var slot = hours.NextSlot(now);
        if (now < request.RaiseAt || slot != now)
        {
            // Early (a release moved it) or outside working hours (a late run after a restart): come back when due.
            var at = request.RaiseAt > slot ? request.RaiseAt : slot;
            scheduler.ScheduleRaise(request.Id, at);
            return false;
        }

        var next = RequestTiming.RaiseAt(hours, now, options.Value.RaiseAfter);
        if (!await requests.MarkRaisedAsync(request.Id, next, now, cancellationToken))
        {
            return false;
        }

        if (await channel.ResolveAsync(cancellationToken) is { } consultants
            && await channel.PostAsync(consultants, request.Id, RequestCards.Card(request.ToSnapshot(), raisedAgain: true), cancellationToken) is { } messageId)
        {
            // The newest card is the one kept up to date; older ones still work, as their actions carry the request id.
            await requests.SetChannelMessageAsync(request.Id, consultants.Key, messageId, now, cancellationToken);
        }

        scheduler.ScheduleRaise(request.Id, next);
        Log.RequestRaised(logger, request.Id, next);
        return true;
    }

    /// <summary>Tells the practitioner nobody has taken their request by the end of the next working day; true when it did.</summary>
    public async Task<bool> NoticeAsync(string requestId, CancellationToken cancellationToken)
    {
        var request = await requests.GetAsync(requestId, cancellationToken);
        if (request is not { State: RequestState.Open } || !await requests.MarkNoticedAsync(request.Id, time.GetUtcNow(), cancellationToken))
        {
            return false;
        }

        await channel.NotifyPractitionerAsync(request, RequestCards.NotTakenNotice(content, request.Reference), cancellationToken);
        Log.RequestNoticeSent(logger, request.Id);
        return true;
    }

    /// <summary>
    /// Raises and notices whatever is due and was missed (a lost job, a restart): the store's conditional updates
    /// keep a request from being raised or noticed twice. Returns how many it acted on.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var inHours = calendar.For(null).NextSlot(now) == now;
        var acted = 0;
        foreach (var request in await requests.ListOpenAsync(SweepBatch, cancellationToken))
        {
            if (inHours && request.RaiseAt <= now && await RaiseAsync(request.Id, cancellationToken))
            {
                acted++;
            }

            if (request.NoticedAt is null && request.NoticeAt <= now && await NoticeAsync(request.Id, cancellationToken))
            {
                acted++;
            }
        }

        return acted;
    }

    /// <summary>How many open requests one sweep reads.</summary>
    public const int SweepBatch = 500;
}
