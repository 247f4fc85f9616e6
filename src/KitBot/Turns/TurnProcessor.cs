using KitBot.Cards;
using KitBot.Channels;
using KitBot.Conversations;
using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Requests;
using KitBot.Dialogs.Turns;
using KitBot.Storage;

namespace KitBot.Turns;

/// <summary>
/// The one pipeline every turn takes, from any channel: one verb table (the core's verbs and the stored-row verbs),
/// one per-conversation lock, one optimistic save with re-runs, replies rendered before the save and sent after it,
/// and one error boundary around all of it. A turn typed in a shared conversation continues in the person's 1:1 chat.
/// </summary>
public sealed class TurnProcessor
{
    private const int MaxAttempts = 5;

    /// <summary>What the person hears when a turn fails: nothing of it was saved.</summary>
    public const string SorryText = "Sorry, something went wrong on my side and nothing was saved. Please try again, or type menu.";

    /// <summary>The note left in a shared conversation when a turn moves to the person's 1:1 chat.</summary>
    public const string MovedText = "I have continued this in your personal chat with KitBot, so that case details stay private.";

    /// <summary>What a shared conversation is told when KitBot cannot open the person's 1:1 chat.</summary>
    public const string CannotMoveText = "To keep case details private, KitBot works with you in a personal chat. I could not open one: please start a chat with KitBot directly.";

    // Verbs a consultant uses in the consultants' channel, and where a person's reminders go: they hold no case details,
    // so they are answered in place.
    private static readonly IReadOnlySet<string> SharedVerbs = new HashSet<string>(StringComparer.Ordinal)
    {
        RequestVerbs.Claim, RequestVerbs.Release, RequestVerbs.Close, RequestVerbs.ListOpen, RequestVerbs.ListMine, RequestVerbs.UseChannel,
        Dialogs.Reviews.ReviewVerbs.RouteHere, Dialogs.Reviews.ReviewVerbs.RoutePersonal,
    };

    private readonly DialogEngine _engine;
    private readonly IConversationStore _store;
    private readonly ChannelDirectory _channels;
    private readonly ReplyRenderer _renderer;
    private readonly TimeProvider _time;
    private readonly Privacy.AuditLog _audit;
    private readonly Privacy.DataRetention _retention;
    private readonly ILogger<TurnProcessor> _logger;
    private readonly Dictionary<string, IStoredVerbs> _stored = new(StringComparer.Ordinal);
    private readonly KeyedLock _locks = new();

    public TurnProcessor(
        DialogEngine engine,
        IConversationStore store,
        ChannelDirectory channels,
        ReplyRenderer renderer,
        TimeProvider time,
        Privacy.AuditLog audit,
        Privacy.DataRetention retention,
        ILogger<TurnProcessor> logger,
        IEnumerable<IStoredVerbs> storedVerbs)
    {
        _engine = engine;
        _store = store;
        _channels = channels;
        _renderer = renderer;
        _time = time;
        _audit = audit;
        _retention = retention;
        _logger = logger;
        var core = new HashSet<string>(engine.Verbs, StringComparer.Ordinal);
        foreach (var handler in storedVerbs)
        {
            foreach (var verb in handler.Verbs)
            {
                // One verb table: a verb answered twice is a start-up failure, never a surprise on a user's click.
                if (core.Contains(verb) || !_stored.TryAdd(verb, handler))
                {
                    throw new InvalidOperationException($"The card verb '{verb}' is registered twice.");
                }
            }
        }
    }

    /// <summary>Every verb a turn can ask for: the core's and the stored-row handlers'.</summary>
    public IReadOnlySet<string> Verbs => new HashSet<string>(_engine.Verbs.Concat(_stored.Keys), StringComparer.Ordinal);

    /// <summary>
    /// Runs <paramref name="turn"/>, which arrived in <paramref name="reference"/>, and sends its replies through the
    /// reference's channel (<paramref name="route"/> is that channel's detail of where replies go). Never throws for a
    /// failed turn: the person gets the kind message and the outcome says it failed.
    /// </summary>
    public async Task<TurnOutcome> RunAsync(ConversationReference reference, Turn turn, ReplyRoute? route, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(turn);
        var channel = _channels.For(reference)
            ?? throw new InvalidOperationException($"No channel serves '{reference.Channel}'.");
        var action = TypedCommands.ActionOf(turn.Input);
        var target = reference;
        ConversationReference? shared = null;
        IReadOnlyList<Reply> replies;
        IReadOnlyList<RenderedReply> rendered;
        var failed = false;
        try
        {
            if (reference.IsGroup && route?.IsPrivate != true && MovesToPersonalChat(turn, action))
            {
                // Case details stay private: the turn runs in the person's own chat, the shared one gets a short note.
                if (await channel.OpenPersonalChatAsync(reference, turn.User.Id, cancellationToken) is not { } personal)
                {
                    replies = [new TextReply(CannotMoveText)];
                    await channel.SendAsync(reference, _renderer.Render(replies, string.Empty), route, cancellationToken);
                    return new TurnOutcome(replies, Failed: false);
                }

                shared = reference;
                target = personal;
            }

            var stateKey = ConversationReference.StateKeyFor(target.Key, turn.User.Id);
            using (await _locks.AcquireAsync(stateKey, cancellationToken))
            {
                (replies, rendered) = await RunLockedAsync(stateKey, target, shared, turn, action, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The turn boundary: logged by id and exception type (no content); nothing was saved; the person is told kindly.
            Log.TurnFailed(_logger, reference.Key, e.GetType().Name, e);
            replies = [new TextReply(SorryText)];
            rendered = [new RenderedText(SorryText)];
            failed = true;
        }

        try
        {
            if (shared is not null)
            {
                await channel.SendAsync(shared, [new RenderedText(MovedText)], route, cancellationToken);
                route = null;
            }

            await channel.SendAsync(target, rendered, route, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Saved but not delivered: the state is right, and the person can ask again.
            Log.TurnFailed(_logger, target.Key, e.GetType().Name, e);
            failed = true;
        }

        return new TurnOutcome(replies, failed);
    }

    private static bool MovesToPersonalChat(Turn turn, CardAction? action) => turn.Input switch
    {
        ConversationStartedInput => false,
        _ => action is null || !SharedVerbs.Contains(action.Verb),
    };

    private async Task<(IReadOnlyList<Reply>, IReadOnlyList<RenderedReply>)> RunLockedAsync(
        string stateKey, ConversationReference target, ConversationReference? shared, Turn turn, CardAction? action, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var stored = await _store.LoadStateAsync(stateKey, cancellationToken);
            var before = ConversationStateSerializer.Deserialize(stored.Json);
            if (action is not null && _stored.TryGetValue(action.Verb, out var handler))
            {
                // Stored-row verbs keep their rows consistent themselves (atomic claims, unique keys); the lock
                // serialises them with the core's turns in this conversation.
                var answer = await handler.HandleAsync(new StoredTurn(turn, action, target, shared, before), cancellationToken);
                return (answer, _renderer.Render(answer, stateKey));
            }

            var result = _engine.Run(turn, before);
            // Rendered before the save: a card that cannot be rendered leaves the state as it was before the turn.
            var rendered = _renderer.Render(result.Replies, stateKey);
            if (result.ForgetUser)
            {
                // Confirmed "forget me": delete this person's own data everywhere instead of saving.
                await _retention.ForgetAsync(turn.User.Id, cancellationToken);
                return (result.Replies, rendered);
            }

            var json = ConversationStateSerializer.Serialize(result.State);
            if (await _store.TrySaveStateAsync(stateKey, json, stored.Version, _time.GetUtcNow(), cancellationToken))
            {
                // Audited only once saved, so a re-run after a conflict is not recorded twice.
                foreach (var (auditAction, subject) in Privacy.AuditActions.Of(turn, before, result.State))
                {
                    await _audit.WriteAsync(turn.User.Id, auditAction, subject, cancellationToken);
                }

                return (result.Replies, rendered);
            }

            Log.TurnConflict(_logger, stateKey, attempt);
        }

        Log.TurnGaveUp(_logger, stateKey, MaxAttempts);
        IReadOnlyList<Reply> busy = [new TextReply("I am still working on something else in this conversation. One thing at a time: please send that again in a moment.")];
        return (busy, _renderer.Render(busy, stateKey));
    }
}
