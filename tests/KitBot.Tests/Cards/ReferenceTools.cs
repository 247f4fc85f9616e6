using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KitBot.Cards;
using KitBot.Testing;

namespace KitBot.Tests.Cards;

/// <summary>
/// The real implementations card tests check against (TESTING.md), run as one node process per batch of cases:
/// tests/tools/expand-template.js (npm adaptivecards-templating) and tests/tools/validate-card.js (npm adaptivecards).
/// </summary>
public static class ReferenceTools
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>A template and the data to expand it with.</summary>
    public sealed record TemplateCase(string Name, JsonNode Template, JsonNode? Data);

    /// <summary>An expansion: its result (null also for undefined) or, when it threw, the error.</summary>
    public sealed record Outcome(JsonNode? Result, string? Error)
    {
        public override string ToString() => Error is null ? Result?.ToJsonString() ?? "null" : "error: " + Error;
    }

    /// <summary>Expands every case with the reference implementation, in one node run.</summary>
    public static async Task<IReadOnlyList<Outcome>> ExpandAsync(IReadOnlyList<TemplateCase> cases)
    {
        var input = new JsonArray([.. cases.Select(c => new JsonObject { ["template"] = c.Template.DeepClone(), ["data"] = c.Data?.DeepClone() })]);
        var output = await RunAsync("expand-template.js", input, cases.Count);
        return [.. output.Select(o => o!["error"] is { } error
            ? new Outcome(null, error.GetValue<string>())
            : new Outcome(o["result"]?.DeepClone(), null))];
    }

    /// <summary>Parses and validates every card with the official Adaptive Cards library; the events for each card.</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<string>>> ValidateAsync(IReadOnlyList<JsonNode> cards)
    {
        var input = new JsonArray([.. cards.Select(c => c.DeepClone())]);
        var output = await RunAsync("validate-card.js", input, cards.Count);
        return [.. output.Select(events => (IReadOnlyList<string>)[.. events!.AsArray().Select(e => e!.ToJsonString())])];
    }

    /// <summary>
    /// Expands a case with KitBot's engine; an <see cref="InvalidOperationException"/> is an error outcome. Also checks
    /// that the engine's straight-to-UTF-8 expansion (what Teams sends) writes exactly the bytes of the expanded node,
    /// or fails with the same error.
    /// </summary>
    public static Outcome ExpandWithEngine(ICardTemplateEngine engine, TemplateCase c)
    {
        JsonNode? result;
        try
        {
            result = engine.Expand(c.Template, c.Data?.DeepClone());
        }
        catch (InvalidOperationException e)
        {
            var utf8Error = Assert.ThrowsAny<InvalidOperationException>(() => engine.ExpandToUtf8(c.Template, c.Data?.DeepClone()));
            Assert.Equal(e.Message, utf8Error.Message);
            return new Outcome(null, e.Message);
        }

        var utf8 = engine.ExpandToUtf8(c.Template, c.Data?.DeepClone());
        Assert.True(
            JsonSerializer.SerializeToUtf8Bytes(result).AsSpan().SequenceEqual(utf8),
            $"Case {c.Name}: the UTF-8 expansion differs from the node's\nnode:  {JsonSerializer.Serialize(result)}\nUTF-8: {Encoding.UTF8.GetString(utf8)}");
        return new Outcome(result, null);
    }

    /// <summary>Asserts that KitBot's engine did what the reference did: the same JSON, or an error where it threw.</summary>
    public static void AssertSameOutcome(TemplateCase c, Outcome reference, Outcome ours)
    {
        var same = reference.Error is not null
            ? ours.Error is not null
            : ours.Error is null && JsonNode.DeepEquals(reference.Result, ours.Result);
        Assert.True(same, $"""
            Case {c.Name}
            template:  {c.Template.ToJsonString()}
            data:      {c.Data?.ToJsonString() ?? "null"}
            reference: {reference}
            KitBot:    {ours}
            """);
    }

    private static async Task<JsonArray> RunAsync(string script, JsonNode input, int expected)
    {
        var (code, output) = await NodeTools.NodeAsync(script, input.ToJsonString(), Timeout);
        Assert.True(code == 0, $"node {script} exited with {code}:\n{output}");

        // The output is stdout followed by stderr; read the one JSON value stdout holds and ignore any warnings after it.
        JsonArray? result;
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(output));
            result = JsonNode.Parse(ref reader) as JsonArray;
        }
        catch (JsonException)
        {
            result = null;
        }

        Assert.True(result?.Count == expected, $"node {script} did not print {expected} results:\n{output}");
        return result!;
    }
}
