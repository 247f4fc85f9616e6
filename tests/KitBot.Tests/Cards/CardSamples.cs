using System.Text.Json.Nodes;
using KitBot.Testing;

namespace KitBot.Tests.Cards;

/// <summary>
/// The card templates in cards/ and their sample data in cards/samples/: <c>TEMPLATE.json</c>, or
/// <c>TEMPLATE.CASE.json</c> for more cases of one template.
/// </summary>
public static class CardSamples
{
    public static string CardsFolder { get; } = Path.Combine(RepositoryRoot.Path, "cards");

    public static string SamplesFolder { get; } = Path.Combine(CardsFolder, "samples");

    /// <summary>The template names (file names without extension).</summary>
    public static IReadOnlyList<string> Templates() =>
        [.. Directory.EnumerateFiles(CardsFolder, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];

    /// <summary>The sample names (file names without extension), each starting with its template's name.</summary>
    public static IReadOnlyList<string> Samples() =>
        [.. Directory.EnumerateFiles(SamplesFolder, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];

    public static string TemplateOf(string sample) => sample.Split('.')[0];

    public static ReferenceTools.TemplateCase Case(string sample) => new(
        sample,
        Load(Path.Combine(CardsFolder, TemplateOf(sample) + ".json")),
        Load(Path.Combine(SamplesFolder, sample + ".json")));

    /// <summary>Every sample, for xunit's MemberData.</summary>
    public static TheoryData<string> SampleData()
    {
        var data = new TheoryData<string>();
        foreach (var sample in Samples())
        {
            data.Add(sample);
        }

        return data;
    }

    private static JsonNode Load(string file) =>
        JsonNode.Parse(File.ReadAllText(file)) ?? throw new InvalidOperationException($"{file} is empty.");
}
