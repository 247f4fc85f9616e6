namespace KitBot.Dialogs.Turns;

/// <summary>What a turn produced: the conversation's new state and what to say.</summary>
public sealed record TurnResult(KitBot.Dialogs.Engine.ConversationState State, IReadOnlyList<Reply> Replies);
