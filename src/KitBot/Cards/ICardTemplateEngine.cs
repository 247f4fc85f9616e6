using System.Text.Json;
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

    /// <summary>
    /// Expands <paramref name="template"/> straight to UTF-8 JSON: the bytes <see cref="Expand"/>'s result serializes to
    /// with the default encoder. An engine that can write without building the node tree overrides this.
    /// </summary>
    byte[] ExpandToUtf8(JsonNode template, JsonNode? data) => JsonSerializer.SerializeToUtf8Bytes(Expand(template, data));
}
