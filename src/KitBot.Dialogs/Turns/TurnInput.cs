namespace KitBot.Dialogs.Turns;

/// <summary>What a person did in a turn.</summary>
public abstract record TurnInput;

/// <summary>The person typed a message (mentions of the bot already removed).</summary>
public sealed record TextInput(string Text) : TurnInput;

/// <summary>The person pressed a button on a card, with the card's inputs.</summary>
public sealed record CardActionInput(CardAction Action) : TurnInput;

/// <summary>The bot was added to the conversation (installed, or joined a channel).</summary>
public sealed record ConversationStartedInput : TurnInput;
