namespace KitBot.Dialogs.Turns;

/// <summary>What a turn produced: the conversation's new state and what to say.</summary>
public sealed record TurnResult(KitBot.Dialogs.Engine.ConversationState State, IReadOnlyList<Reply> Replies)
{
    /// <summary>
    /// True when the person confirmed "forget me": the host deletes everything it keeps about them (in every
    /// conversation), instead of saving <see cref="State"/>. The core does no I/O, so it can only ask.
    /// </summary>
    public bool ForgetUser { get; init; }
}
