using KitBot.Conversations;
using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Turns;

namespace KitBot.Turns;

/// <summary>
/// Verbs whose answer reads or writes KitBot's stored rows (reviews, consultation requests). They sit in the same
/// verb table as the core's verbs (<see cref="TurnProcessor"/>) and run under the same per-conversation lock; the
/// practice decisions they apply are pure functions in <c>KitBot.Dialogs</c>.
/// </summary>
public interface IStoredVerbs
{
    /// <summary>The verbs this handler answers (registering one twice, or one the core answers, stops the host).</summary>
    IReadOnlyCollection<string> Verbs { get; }

    /// <summary>Answers one of <see cref="Verbs"/>.</summary>
    Task<IReadOnlyList<Reply>> HandleAsync(StoredTurn turn, CancellationToken cancellationToken);
}

/// <summary>A turn that asks for a stored-row verb.</summary>
/// <param name="Turn">The turn as the channel gave it.</param>
/// <param name="Action">The action asked for: the button's, or the one a typed command stands for.</param>
/// <param name="Reference">The conversation the turn runs in (for a turn moved from a shared conversation, the personal chat).</param>
/// <param name="Shared">The shared conversation the turn was typed in, when it came from a channel or group chat.</param>
/// <param name="State">The person's conversation state (for example their plans), read-only here.</param>
public sealed record StoredTurn(Turn Turn, CardAction Action, ConversationReference Reference, ConversationReference? Shared, ConversationState State);
