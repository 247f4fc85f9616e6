using KitBot.Conversations;
using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Turns;
using KitBot.Storage;

namespace KitBot.Turns;

/// <summary>
/// Runs one turn for any channel: load state with its version, run the dialog core, save only if nobody else
/// saved first (re-running on fresh state if they did). Channel adapters call this and render the replies.
/// </summary>
public sealed class TurnProcessor(
    DialogEngine engine,
    IConversationStore store,
    TimeProvider time,
    Privacy.AuditLog audit,
    Privacy.DataRetention retention,
    ILogger<TurnProcessor> logger,
    IEnumerable<IHostActions> hostActions)
{
    private const int MaxAttempts = 5;
    private readonly KeyedLock _locks = new();

    private readonly IReadOnlyList<IHostActions> _hostActions = [.. hostActions];

    /// <summary>
    /// Runs <paramref name="turn"/> in the conversation <paramref name="conversationKey"/>: a host action if one
    /// answers it, otherwise the dialog core against the person's stored state. Returns what to say.
    /// </summary>
    public async Task<IReadOnlyList<Reply>> RunAsync(string conversationKey, Turn turn, CancellationToken cancellationToken)
    {
        foreach (var actions in _hostActions)
        {
            if (await actions.TryHandleAsync(turn, conversationKey, cancellationToken) is { } replies)
            {
                return replies;
            }
        }

        return (await RunDialogAsync(ConversationReference.StateKeyFor(conversationKey, turn.User.Id), turn, cancellationToken)).Replies;
    }

    private async Task<TurnResult> RunDialogAsync(string stateKey, Turn turn, CancellationToken cancellationToken)
    {
        using var _ = await _locks.AcquireAsync(stateKey, cancellationToken);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var stored = await store.LoadStateAsync(stateKey, cancellationToken);
            var before = ConversationStateSerializer.Deserialize(stored.Json);
            var result = engine.Run(turn, before);
            if (result.ForgetUser)
            {
                // Confirmed "forget me": delete this person's data everywhere (state, references, reviews) instead of saving.
                await retention.ForgetAsync(turn.User.Id, cancellationToken);
                return result;
            }

            var json = ConversationStateSerializer.Serialize(result.State);
            if (await store.TrySaveStateAsync(stateKey, json, stored.Version, time.GetUtcNow(), cancellationToken))
            {
                // Audited only once saved, so a re-run after a conflict is not recorded twice.
                foreach (var (action, subject) in Privacy.AuditActions.Of(turn, before, result.State))
                {
                    await audit.WriteAsync(turn.User.Id, action, subject, cancellationToken);
                }

                return result;
            }

            Log.TurnConflict(logger, stateKey, attempt);
        }

        Log.TurnGaveUp(logger, stateKey, MaxAttempts);
        var current = await store.LoadStateAsync(stateKey, cancellationToken);
        return new TurnResult(
            ConversationStateSerializer.Deserialize(current.Json),
            [new TextReply("I am still working on something else in this conversation. One thing at a time: please send that again in a moment.")]);
    }
}
