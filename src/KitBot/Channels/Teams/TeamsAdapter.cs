using System.Text.Json.Nodes;
using KitBot.Conversations;
using KitBot.Dialogs.Turns;
using KitBot.Storage;
using KitBot.Turns;
using Microsoft.Extensions.Options;

namespace KitBot.Channels.Teams;

/// <summary>
/// Translates between Bot Framework activities and the dialog core: activity in, <see cref="Turn"/> to the
/// core, replies out through the connector. It decides nothing about practice.
/// </summary>
public sealed class TeamsAdapter(
    TurnProcessor turns,
    IConversationStore store,
    TimeProvider time,
    IOptions<TeamsOptions> options,
    TurnsInFlight inFlight,
    ILogger<TeamsAdapter> logger)
{
    /// <summary>What an invoke is answered with when its turn is still sending replies at the answer budget.</summary>
    public const string StillWorkingText = "Working on it: the answer follows in this chat.";

    /// <summary>
    /// Handles one authenticated, well-formed activity in <paramref name="slot"/> (Teams:MaxTurnsInFlight), which it
    /// gives back however the activity ends; returns the invoke response for invokes. The request's answer budget
    /// counts from <paramref name="arrived"/> (a <see cref="TimeProvider.GetTimestamp"/>), so the wait for the slot is
    /// inside it.
    /// </summary>
    public async Task<InvokeResponse?> ProcessAsync(Activity activity, Task<TurnGate.Slot> slot, long arrived, CancellationToken cancellationToken)
    {
        Task<TurnOutcome>? running = null;
        ConversationReference reference;
        try
        {
            var input = ActivityReader.Read(activity);
            if (input is null)
            {
                Log.ActivityIgnored(logger, Security.LogValue.Id(activity.Type));
                return activity.Type == ActivityTypes.Invoke ? InvokeResponse.NotImplemented : null;
            }

            var now = time.GetUtcNow();
            reference = ToReference(activity);
            await store.SaveReferenceAsync(reference, now, cancellationToken);

            var turn = new Turn(
                new TurnUser(activity.From!.Id!, activity.From.Name),
                new TurnConversation(activity.Conversation!.Id!, reference.IsGroup),
                input,
                activity.Timestamp ?? now,
                activity.Locale,
                activity.LocalTimezone);

            // The pipeline routes, saves, renders and sends inside one error boundary; it never throws for a failed
            // turn. It runs apart from the request, so a slow connector (or a long queue for a slot) cannot hold the
            // answer past Teams' wait: at the budget the request is answered and the turn's remaining replies still
            // go out, each posted once.
            running = TurnGate.RunAsync(slot, () => turns.RunAsync(reference, turn, route: null, CancellationToken.None));
        }
        finally
        {
            if (running is null)
            {
                TurnGate.Release(slot);
            }
        }

        var budget = options.Value.AnswerBudget - time.GetElapsedTime(arrived);
        if (budget > TimeSpan.Zero && !running.IsCompleted)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(budget, time, wait.Token);
            await Task.WhenAny(running, delay);
            await wait.CancelAsync();
        }

        if (!running.IsCompleted)
        {
            Log.TurnAnsweredBeforeDone(logger, reference.Key, (long)options.Value.AnswerBudget.TotalMilliseconds);
            inFlight.Track(running);
            _ = running.ContinueWith(
                t => Log.DetachedTurnFailed(logger, reference.Key, t.Exception!.InnerException!.GetType().Name, t.Exception.InnerException),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return activity.Type == ActivityTypes.Invoke ? InvokeResponse.Message(StillWorkingText) : null;
        }

        var outcome = await running;
        if (activity.Type != ActivityTypes.Invoke)
        {
            return null;
        }

        return outcome.Failed
            ? InvokeResponse.Error(500, "KitBotError", "Something went wrong; nothing was saved. Please try again.")
            : InvokeResponse.Message(outcome.Acknowledgement);
    }

    /// <summary>The reference stored for proactive messages to this conversation.</summary>
    public static ConversationReference ToReference(Activity activity)
    {
        var channel = activity.ChannelId ?? "msteams";
        var conversation = activity.Conversation!;
        var tenant = TenantOf(activity);
        var isGroup = conversation.IsGroup == true || conversation.ConversationType is "channel" or "groupChat";
        return new ConversationReference(
            ConversationReference.KeyFor(channel, conversation.Id!),
            channel,
            conversation.Id!,
            activity.ServiceUrl!,
            activity.From!.Id!,
            activity.Recipient?.Id,
            tenant,
            isGroup);
    }

    /// <summary>The Teams tenant an activity comes from, when it says.</summary>
    public static string? TenantOf(Activity activity) =>
        activity.Conversation?.TenantId ?? ActivityReader.Text((activity.ChannelData?["tenant"] as JsonObject)?["id"]);
}
