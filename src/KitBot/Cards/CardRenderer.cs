using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using KitBot.Dialogs.Turns;
using Microsoft.Extensions.Options;

namespace KitBot.Cards;

/// <summary>
/// Holds every template in the cards folder, read once at start (a missing folder or a file that is not JSON
/// stops the host, naming the file), and expands them for replies.
/// </summary>
public sealed class CardRenderer
{
    private readonly FrozenDictionary<string, JsonNode> _templates;
    private readonly ICardTemplateEngine _engine;

    public CardRenderer(IOptions<CardOptions> options, ICardTemplateEngine engine, IHostEnvironment environment)
    {
        _engine = engine;
        var folder = System.IO.Path.GetFullPath(options.Value.Path, environment.ContentRootPath);
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException($"The card templates folder '{folder}' (Cards:Path) does not exist.");
        }

        _templates = Directory.EnumerateFiles(folder, "*.json", SearchOption.TopDirectoryOnly)
            .ToFrozenDictionary(file => System.IO.Path.GetFileNameWithoutExtension(file)!, Load, StringComparer.Ordinal);
    }

    /// <summary>The template names available.</summary>
    public IEnumerable<string> Templates => _templates.Keys;

    /// <summary>Each template as read from its file, before expansion (for checks at start-up).</summary>
    public IEnumerable<KeyValuePair<string, JsonNode>> Sources => _templates;

    /// <summary>Expands a card reply's template with its data.</summary>
    public JsonObject Render(CardReply reply) => Render(reply.Template, reply.Data);

    /// <summary>Expands a template by name.</summary>
    public JsonObject Render(string template, JsonObject data) =>
        _engine.Expand(Source(template), data) as JsonObject
            ?? throw new InvalidOperationException($"The card template '{template}' did not expand to a card.");

    /// <summary>
    /// Expands a template by name straight to its UTF-8 JSON (what a channel sends), without the node tree; the same
    /// bytes as serializing <see cref="Render(string, JsonObject)"/>'s card.
    /// </summary>
    public byte[] RenderUtf8(string template, JsonObject data)
    {
        var utf8 = _engine.ExpandToUtf8(Source(template), data);
        return utf8 is [(byte)'{', ..]
            ? utf8
            : throw new InvalidOperationException($"The card template '{template}' did not expand to a card.");
    }

    private JsonNode Source(string template) => _templates.TryGetValue(template, out var node)
        ? node
        : throw new InvalidOperationException($"There is no card template named '{template}'.");

    private static JsonNode Load(string file)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(file))
                ?? throw new InvalidOperationException($"The card template '{file}' is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"The card template '{file}' is not valid JSON: {e.Message}", e);
        }
    }
}
