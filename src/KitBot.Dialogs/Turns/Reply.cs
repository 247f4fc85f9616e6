using System.Text.Json.Nodes;

namespace KitBot.Dialogs.Turns;

/// <summary>Something the bot says back, in channel-neutral form; each adapter renders it its own way.</summary>
public abstract record Reply;

/// <summary>A plain message. Plain prose: it must paste cleanly into Word or a case-management form.</summary>
public sealed record TextReply(string Text) : Reply;

/// <summary>
/// A card, by the name of its template in <c>cards/</c> and the data to expand it with.
/// </summary>
/// <param name="Template">The template's file name without extension, for example <c>welcome</c>.</param>
/// <param name="Data">The data the template binds to (its <c>$root</c>).</param>
/// <param name="Summary">A short plain-text line for notifications and for channels that show no cards.</param>
public sealed record CardReply(string Template, JsonObject Data, string Summary) : Reply;

/// <summary>A question with a few fixed answers, shown as buttons or numbered choices.</summary>
public sealed record ChoicesReply(string Prompt, IReadOnlyList<Choice> Choices) : Reply;

/// <summary>One answer to a <see cref="ChoicesReply"/>: what the person sees and the card action it sends.</summary>
public sealed record Choice(string Label, string Verb);
