using System.Text.Json;
using System.Text.Json.Nodes;

namespace KitBot.Cards;

/// <summary>
/// An expanded card, with the template it came from (for logs) and a one-line summary for notifications. Rendered
/// once to UTF-8 JSON (<see cref="Utf8"/>), which Teams sends as it is; channels that rework the card (Slack's Block
/// Kit, the terminal) read it as a node tree (<see cref="Card"/>), parsed from those bytes when first asked for.
/// </summary>
public sealed record RenderedCard : RenderedReply
{
    private readonly byte[]? _utf8;
    private JsonObject? _card;

    /// <summary>A card given as a node tree; its UTF-8 form is serialized from it.</summary>
    public RenderedCard(string template, JsonObject card, string summary)
    {
        ArgumentNullException.ThrowIfNull(card);
        Template = template;
        Summary = summary;
        _card = card;
    }

    /// <summary>A card given as its UTF-8 JSON (an object); the node tree is parsed from it when asked for.</summary>
    public RenderedCard(string template, byte[] utf8, string summary)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        Template = template;
        Summary = summary;
        _utf8 = utf8;
    }

    /// <summary>The template the card was expanded from.</summary>
    public string Template { get; }

    /// <summary>A one-line summary for notifications.</summary>
    public string Summary { get; }

    /// <summary>The card as a node tree (parsed once from <see cref="Utf8"/> when the card was rendered as bytes).</summary>
    public JsonObject Card
    {
        get
        {
            if (Volatile.Read(ref _card) is { } card)
            {
                return card;
            }

            var parsed = JsonNode.Parse(_utf8) as JsonObject
                ?? throw new InvalidOperationException($"The card from '{Template}' is not a JSON object.");
            return Interlocked.CompareExchange(ref _card, parsed, null) ?? parsed;
        }
    }

    /// <summary>
    /// The card's JSON as UTF-8, as a channel sends it: the rendered bytes, or (for a card given as a tree) the tree
    /// serialized now, so a change made to <see cref="Card"/> is sent.
    /// </summary>
    public ReadOnlyMemory<byte> Utf8 => _utf8 is not null && Volatile.Read(ref _card) is null
        ? _utf8
        : JsonSerializer.SerializeToUtf8Bytes(Card);
}
