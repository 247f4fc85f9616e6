using KitBot.Cards.Templating;
using KitBot.Testing;

namespace KitBot.Tests.Cards;

/// <summary>Every template in cards/ with every sample in cards/samples/ expands exactly as the reference does.</summary>
public sealed class CardTemplateReferenceTests
{
    // One node run for all samples, shared by the theory's cases.
    private static readonly Lazy<Task<IReadOnlyList<ReferenceTools.Outcome>>> Reference =
        new(() => ReferenceTools.ExpandAsync([.. CardSamples.Samples().Select(CardSamples.Case)]));

    public static TheoryData<string> Samples => CardSamples.SampleData();

    [SkippableTheory]
    [MemberData(nameof(Samples))]
    public async Task Expand_Sample_EqualsReferenceImplementation(string sample)
    {
        await NodeTools.RequireAsync();

        var c = CardSamples.Case(sample);
        var reference = (await Reference.Value)[CardSamples.Samples().ToList().IndexOf(sample)];
        var ours = ReferenceTools.ExpandWithEngine(new AdaptiveCardTemplateEngine(), c);

        Assert.Null(reference.Error);
        ReferenceTools.AssertSameOutcome(c, reference, ours);
    }

    [SkippableFact]
    public void EveryTemplate_HasSampleData()
    {
        var withSamples = CardSamples.Samples().Select(CardSamples.TemplateOf).ToHashSet(StringComparer.Ordinal);

        Assert.All(CardSamples.Templates(), template => Assert.Contains(template, withSamples));
        Assert.All(withSamples, template => Assert.Contains(template, CardSamples.Templates()));
    }
}
