using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Engine;

/// <summary>The turn being handled and the state it started from; handlers return a new state and replies.</summary>
public sealed record DialogContext(Turn Turn, ConversationState State)
{
    /// <summary>A result that keeps <paramref name="state"/> and says <paramref name="replies"/>.</summary>
    public static TurnResult Say(ConversationState state, params Reply[] replies) => new(state, replies);

    /// <summary>A result that keeps the current state and says <paramref name="replies"/>.</summary>
    public TurnResult Say(params Reply[] replies) => new(State, replies);
}
