using KitBot.Cards.Templating;
using KitBot.Testing;

namespace KitBot.Tests.Cards;

/// <summary>The templating language's edge cases (<see cref="TemplateLanguageCases"/>) expand exactly as the reference does.</summary>
public sealed class TemplateLanguageReferenceTests
{
    private static readonly string[] Names = [.. TemplateLanguageCases.All.Keys];

    // One node run for every case, shared by the theory's cases.
    private static readonly Lazy<Task<IReadOnlyList<ReferenceTools.Outcome>>> Reference =
        new(() => ReferenceTools.ExpandAsync([.. Names.Select(name => TemplateLanguageCases.All[name])]));

    private static readonly AdaptiveCardTemplateEngine Engine = new();

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var name in Names)
        {
            data.Add(name);
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task Expand_Case_EqualsReferenceImplementation(string name)
    {
        await NodeTools.RequireAsync();

        var c = TemplateLanguageCases.All[name];
        var reference = (await Reference.Value)[Array.IndexOf(Names, name)];

        ReferenceTools.AssertSameOutcome(c, reference, ReferenceTools.ExpandWithEngine(Engine, c));
    }
}
