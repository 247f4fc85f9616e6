using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace KitBot.Cards.Templating;

/// <summary>
/// The Adaptive Cards templating language, producing what the reference implementation (npm adaptivecards-templating
/// 2.3.1, <c>new Template(json).expand({$root: data})</c>) produces. Each template is parsed once and its compiled form
/// kept for as long as the template node lives (CardRenderer holds them for the host's lifetime); template nodes are
/// therefore treated as immutable once expanded. Expansion is thread-safe.
/// </summary>
/// <remarks>
/// Where the reference throws (a syntax error, an invalid call, a failing whole-value expression, a null interpolated
/// into a string) this throws an <see cref="InvalidOperationException"/>. Adaptive Expressions functions that are not
/// implemented throw <see cref="NotSupportedException"/> when the template is first used. Number formatting without an
/// explicit locale uses en-US.
/// </remarks>
public sealed class AdaptiveCardTemplateEngine : ICardTemplateEngine
{
    private readonly ConditionalWeakTable<JsonNode, CompiledTemplate> _compiled = [];
    private readonly Lock _compiling = new();

    public JsonNode? Expand(JsonNode template, JsonNode? data)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (!_compiled.TryGetValue(template, out var compiled))
        {
            // A parsed JsonNode builds its members lazily and is not safe to read from two threads at once until it
            // has, so templates are compiled one at a time; the compiled form never touches the node again.
            lock (_compiling)
            {
                compiled = _compiled.GetValue(template, CompiledTemplate.Compile);
            }
        }

        return compiled.Expand(data);
    }
}
