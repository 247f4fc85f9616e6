using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
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

    // One output buffer and writer per thread, reused: a card is written into it and copied out once.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    // A buffer that grew past this for an unusually large card is not kept for the next one.
    private const int MaxRetainedBufferBytes = 256 * 1024;

    public JsonNode? Expand(JsonNode template, JsonNode? data) => Compiled(template).Expand(data);

    /// <summary>
    /// Expands <paramref name="template"/> straight to UTF-8 JSON, without building the expanded card as a node tree:
    /// the bytes <see cref="Expand"/>'s result serializes to (default encoder, not indented).
    /// </summary>
    public byte[] ExpandToUtf8(JsonNode template, JsonNode? data)
    {
        var compiled = Compiled(template);
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        try
        {
            compiled.ExpandTo(writer, data);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            // A failed expansion leaves a half-written card and a writer mid-object: both start clean next time.
            writer.Reset(buffer);
            buffer.ResetWrittenCount();
            if (buffer.Capacity > MaxRetainedBufferBytes)
            {
                t_buffer = null;
                t_writer = null;
            }
        }
    }

    private CompiledTemplate Compiled(JsonNode template)
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

        return compiled;
    }
}
