namespace KitBot.Cards;

/// <summary>
/// A reply once rendered, the same for every channel: plain text, or an expanded Adaptive Card. Each channel only
/// wraps it in its own wire format (a Teams attachment, Block Kit, numbered text in the terminal).
/// </summary>
public abstract record RenderedReply;

/// <summary>A plain message.</summary>
public sealed record RenderedText(string Text) : RenderedReply;
