using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using KitBot.Cards;

namespace KitBot.Tests.Plans;

/// <summary>
/// A card template engine that keeps the data each card was rendered with (and returns the template as it is),
/// so a test can see what a card would show without depending on the templating engine.
/// </summary>
public sealed class RecordingTemplateEngine : ICardTemplateEngine
{
    private readonly ConcurrentQueue<JsonObject> _data = new();

    public IReadOnlyCollection<JsonObject> Data => _data;

    public JsonNode? Expand(JsonNode template, JsonNode? data)
    {
        if (data is JsonObject o)
        {
            _data.Enqueue((JsonObject)o.DeepClone());
        }

        return template.DeepClone();
    }
}
