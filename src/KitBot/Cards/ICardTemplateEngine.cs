using System.Text.Json.Nodes;

namespace KitBot.Cards;

/// <summary>
/// Expands an Adaptive Card template (the templating language, PROTOCOLS.md section 4) with data. Its output
/// must equal the reference implementation's (npm adaptivecards-templating) for every template in cards/.
/// </summary>
public interface ICardTemplateEngine
{
    /// <summary>Expands <paramref name="template"/> with <paramref name="data"/> as <c>$root</c>.</summary>
    JsonNode? Expand(JsonNode template, JsonNode? data);
}
