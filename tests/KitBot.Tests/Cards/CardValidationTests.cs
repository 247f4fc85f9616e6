using System.Text.Json.Nodes;
using KitBot.Cards.Templating;
using KitBot.Testing;

namespace KitBot.Tests.Cards;

/// <summary>
/// Every card KitBot's engine expands from cards/ and cards/samples/ parses and validates in the official Adaptive
/// Cards library at version 1.5 with no events, and has no unbound ${...} left (PROTOCOLS.md section 4, STYLE.md 15).
/// </summary>
public sealed class CardValidationTests
{
    private static readonly Lazy<Task<IReadOnlyList<IReadOnlyList<string>>>> Events =
        new(() => ReferenceTools.ValidateAsync([.. CardSamples.Samples().Select(Expand)]));

    public static TheoryData<string> Samples => CardSamples.SampleData();

    [SkippableTheory]
    [MemberData(nameof(Samples))]
    public async Task ExpandedSample_ValidatesWithoutEvents(string sample)
    {
        await NodeTools.RequireAsync();

        var events = (await Events.Value)[CardSamples.Samples().ToList().IndexOf(sample)];

        Assert.True(events.Count == 0, $"{sample}: {string.Join("\n", events)}\n{Expand(sample).ToJsonString()}");
    }

    [SkippableTheory]
    [MemberData(nameof(Samples))]
    public void ExpandedSample_HasNoUnboundTemplate(string sample)
    {
        var card = Expand(sample);

        Assert.Equal("AdaptiveCard", card["type"]?.GetValue<string>());
        Assert.Equal("1.5", card["version"]?.GetValue<string>());
        Assert.All(Strings(card), text => Assert.DoesNotContain("${", text, StringComparison.Ordinal));
    }

    private static JsonNode Expand(string sample)
    {
        var c = CardSamples.Case(sample);
        return new AdaptiveCardTemplateEngine().Expand(c.Template, c.Data)
            ?? throw new InvalidOperationException($"{sample} expanded to nothing.");
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Strings(p.Value).Prepend(p.Key)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => [value.GetValue<string>()],
        _ => [],
    };
}
