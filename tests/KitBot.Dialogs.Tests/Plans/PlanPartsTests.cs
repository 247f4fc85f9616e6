using KitBot.Dialogs.Plans;

namespace KitBot.Dialogs.Tests.Plans;

/// <summary>A section too long for one card is divided at paragraph breaks, within the budget, and joins back exactly.</summary>
public sealed class PlanPartsTests
{
    [Fact]
    public void ShortText_IsOnePart()
    {
        var parts = PlanParts.Split("One line.\n\nAnother.");
        Assert.Equal("One line.\n\nAnother.", Assert.Single(parts).Text);
    }

    [Theory]
    [InlineData("Paragraph with some words in it.\nAnd a second line.", 200, false)]
    [InlineData("Абзац на русском языке, довольно длинный.\nВторая строка.", 300, false)]
    [InlineData("一段很长的中文文字，用来测试分割。", 120, true)]
    [InlineData("word ", 2000, true)]
    public void LongText_IsSplitWithinTheBudget_AndJoinsBackExactly(string piece, int budget, bool linesLongerThanBudget)
    {
        var text = string.Join("\n\n", Enumerable.Range(0, 40).Select(i => i + ". " + string.Concat(Enumerable.Repeat(piece, 1 + (i % 7)))));
        if (piece == "word ")
        {
            text = string.Concat(Enumerable.Repeat(piece, 1000)) + "\n\n" + text; // a single line longer than the budget
        }

        var parts = PlanParts.Split(text, budget);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.True(PlanWriting.JsonBytes(p.Text) <= budget, $"{PlanWriting.JsonBytes(p.Text)} > {budget}"));
        Assert.Equal(text, PlanParts.Replace(parts, 0, parts[0].Text));
        // Parts break at line ends; only a line longer than the budget is broken inside.
        Assert.All(parts.Skip(1), p => Assert.Contains(p.Before, linesLongerThanBudget ? ["\n\n", "\n", ""] : new[] { "\n\n", "\n" }));
    }

    [Fact]
    public void ParagraphsThatFitACard_AreNeverBrokenUp()
    {
        var text = string.Join("\n\n", Enumerable.Range(0, 50).Select(i => $"Person {i}\nA line about them.\nAnother line."));
        var parts = PlanParts.Split(text, 300);
        Assert.True(parts.Count > 1);
        Assert.All(parts.Skip(1), p => Assert.Equal("\n\n", p.Before));
        Assert.All(parts, p => Assert.StartsWith("Person ", p.Text));
    }

    [Fact]
    public void Replace_ChangesOnlyThatPart()
    {
        var text = string.Join("\n\n", Enumerable.Range(0, 30).Select(i => $"Paragraph {i} with a little text."));
        var parts = PlanParts.Split(text, 200);
        var changed = PlanParts.Replace(parts, 1, "NEW");
        Assert.Equal(string.Join("", parts.Select((p, i) => (i == 0 ? "" : p.Before) + (i == 1 ? "NEW" : p.Text))), changed);
        Assert.StartsWith(parts[0].Text + parts[1].Before + "NEW" + parts[2].Before, changed);
    }

    [Fact]
    public void Clean_NormalisesLineBreaks_AndDropsWhatCannotBeKept()
    {
        Assert.Equal("a\nb\n\nc\td", PlanWriting.Clean("  a  \r\nb\r\n\r\nc\td\u0001\uD800  "));
        Assert.Equal("😀 ok", PlanWriting.Clean("😀 ok"));
    }
}
