using System.Text.Json.Nodes;

namespace KitBot.Cards.Templating;

/// <summary>Placeholder until the templating engine lands: returns the template unexpanded.</summary>
public sealed class AdaptiveCardTemplateEngine : ICardTemplateEngine
{
    public JsonNode? Expand(JsonNode template, JsonNode? data) => template.DeepClone();
}
