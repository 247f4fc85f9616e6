using System.Text.Json.Nodes;

namespace KitBot.Cards;

/// <summary>
/// A reply once rendered, the same for every channel: plain text, or an expanded Adaptive Card. Each channel only
/// wraps it in its own wire format (a Teams attachment, Block Kit, numbered text in the terminal).
/// </summary>
public abstract record RenderedReply;

/// <summary>A plain message.</summary>
public sealed record RenderedText(string Text) : RenderedReply;

/// <summary>An expanded card, with the template it came from (for logs) and a one-line summary for notifications.</summary>
public sealed record RenderedCard(string Template, JsonObject Card, string Summary) : RenderedReply;
