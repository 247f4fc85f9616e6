using System.Text.Json.Nodes;
using KitBot.Cards.Templating;

namespace KitBot.Tests.Cards;

/// <summary>What the engine promises beyond equality with the reference (which the reference tests check).</summary>
public sealed class AdaptiveCardTemplateEngineTests
{
    private readonly AdaptiveCardTemplateEngine _engine = new();

    [Fact]
    public void Expand_SameTemplateWithDifferentData_BindsEachData()
    {
        var template = JsonNode.Parse("""{"text": "Hello ${name}", "items": [{"$data": "${items}", "n": "${$index}"}]}""")!;

        var first = _engine.Expand(template, JsonNode.Parse("""{"name": "Ada", "items": [1, 2]}"""));
        var second = _engine.Expand(template, JsonNode.Parse("""{"name": "Grace", "items": []}"""));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"text": "Hello Ada", "items": [{"n": 0}, {"n": 1}]}"""), first));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"text": "Hello Grace", "items": []}"""), second));
    }

    [Fact]
    public void Expand_NumbersHeldAsClrValues_ReadAsTheirJsonText()
    {
        // Card data built in code holds ints, longs, doubles, floats and decimals; each must read as JSON.parse reads
        // the text it serializes to (a float 0.1f writes "0.1", which is not (double)0.1f).
        var template = JsonNode.Parse("""{"all": "${string(values)}", "sum": "${add(values[0], values[1])}", "big": "${values[2]}"}""")!;
        var built = new JsonObject
        {
            ["values"] = new JsonArray(JsonValue.Create(3), JsonValue.Create(0.1f), JsonValue.Create(9007199254740993L), JsonValue.Create(2.5m), JsonValue.Create(-0.0), JsonValue.Create(1e300)),
        };
        var parsed = JsonNode.Parse(built.ToJsonString());

        var fromBuilt = _engine.Expand(template, built);
        var fromParsed = _engine.Expand(template, parsed);

        Assert.True(JsonNode.DeepEquals(fromParsed, fromBuilt), $"built: {fromBuilt?.ToJsonString()}, parsed: {fromParsed?.ToJsonString()}");
        Assert.Equal("3.1", fromBuilt!["sum"]!.ToJsonString());
    }

    [Fact]
    public void Expand_FromManyThreadsOnAFreshTemplate_GivesTheSameCardEachTime()
    {
        var text = File.ReadAllText(Path.Combine(CardSamples.CardsFolder, "welcome.json"));
        var data = JsonNode.Parse(File.ReadAllText(Path.Combine(CardSamples.SamplesFolder, "welcome.json")));
        var expected = new AdaptiveCardTemplateEngine().Expand(JsonNode.Parse(text)!, data);

        // A freshly parsed node each round, so the first compilation races with the other threads.
        for (var round = 0; round < 20; round++)
        {
            var template = JsonNode.Parse(text)!;
            var engine = new AdaptiveCardTemplateEngine();
            var results = new JsonNode?[32];
            Parallel.For(0, results.Length, i => results[i] = engine.Expand(template, data));

            Assert.All(results, result => Assert.True(JsonNode.DeepEquals(expected, result)));
        }
    }

    [Fact]
    public void Expand_LeavesTemplateAndDataUnchanged()
    {
        var template = JsonNode.Parse("""{"a": "${setProperty(x, 'k', 2)}", "b": [{"$data": "${list}", "v": "${$data}"}]}""")!;
        var data = JsonNode.Parse("""{"x": {"k": 1}, "list": [1, 2]}""")!;
        var (templateBefore, dataBefore) = (template.ToJsonString(), data.ToJsonString());

        _engine.Expand(template, data);

        Assert.Equal(templateBefore, template.ToJsonString());
        Assert.Equal(dataBefore, data.ToJsonString());
    }

    [Fact]
    public void Expand_UndefinedPathInText_IsLeftAsWritten()
    {
        var result = _engine.Expand(JsonNode.Parse("""{"a": "Hi ${user.name}", "b": "${user.name}"}""")!, new JsonObject());

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"a": "Hi ${user.name}", "b": "${user.name}"}"""), result));
    }

    [Fact]
    public void Expand_NullInterpolatedIntoText_Throws()
    {
        // The reference calls toString() on the value and fails; a card must not carry nulls into its text.
        Assert.Throws<TemplateException>(() =>
            _engine.Expand(JsonNode.Parse("""{"a": "Hi ${name}"}""")!, JsonNode.Parse("""{"name": null}""")));
    }

    [Theory]
    [InlineData("${utcNow()}")]
    [InlineData("${formatDateTime(when, 'yyyy')}")]
    [InlineData("v ${foreach(items, x, x.name)}")]
    public void Expand_FunctionTheEngineDoesNotImplement_ThrowsNotSupported(string text)
    {
        var template = new JsonObject { ["a"] = text };

        var error = Assert.Throws<NotSupportedException>(() => _engine.Expand(template, new JsonObject()));
        Assert.Contains("not supported", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("${1 +}")]
    [InlineData("${count(1)}")]
    [InlineData("${a b}")]
    public void Expand_InvalidExpression_ThrowsInvalidOperation(string text)
    {
        var template = new JsonObject { ["a"] = text };

        Assert.ThrowsAny<InvalidOperationException>(() => _engine.Expand(template, new JsonObject()));
    }
}
