using System.Text.Json.Nodes;
using KitBot.Testing;

namespace KitBot.Tests.Cards;

/// <summary>
/// Coloured text meets WCAG AA (4.5:1) on Teams' light card background. Teams' host config (as the Agents Playground
/// ships it) gives accent #6264A7 (5.4:1 on white) and attention #C4314B (5.4:1), but good #92C353 (2.1:1) and warning
/// #F8D22A (1.4:1) fail, so cards use only the first two, never "light", and never a colour chosen by data.
/// </summary>
public sealed class CardContrastTests
{
    private static readonly string[] Readable = ["Default", "Dark", "Accent", "Attention"];

    [Fact]
    public void EveryColouredText_UsesAColourThatMeetsAaOnTheCardBackground()
    {
        var colours = Directory.GetFiles(CardSamples.CardsFolder, "*.json")
            .SelectMany(file => CardScreen.Descendants(JsonNode.Parse(File.ReadAllText(file)))
                .Where(o => o["color"] is not null)
                .Select(o => (Template: Path.GetFileNameWithoutExtension(file), Colour: o["color"]!.ToString())))
            .ToList();

        Assert.NotEmpty(colours);
        Assert.All(colours, c => Assert.True(Readable.Contains(c.Colour, StringComparer.OrdinalIgnoreCase), $"{c.Template}: {c.Colour}"));
    }

    [Theory]
    [InlineData("#6264A7", true)]
    [InlineData("#C4314B", true)]
    [InlineData("#92C353", false)]
    [InlineData("#F8D22A", false)]
    public void TheHostColours_ContrastWithWhite_AsTheCommentSays(string colour, bool meetsAa) =>
        Assert.Equal(meetsAa, Contrast(colour, "#FFFFFF") >= 4.5);

    private static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int at)
        {
            var c = Convert.ToInt32(hex.Substring(at, 2), 16) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return 0.2126 * Channel(1) + 0.7152 * Channel(3) + 0.0722 * Channel(5);
    }
}
