using KitBot.Channels.Console;

namespace KitBot.Tests.Channels.Console;

/// <summary>A card's questions in the terminal as one numbered form.</summary>
public sealed class ConsoleFormTests
{
    private static readonly CardInput Age = new("ageBand", "How old is the child?", "Input.ChoiceSet", null, false,
        [("Under 2", "0-1"), ("2 to 4", "2-4"), ("5 to 10", "5-10")], IsRequired: true);

    private static readonly CardInput Label = new("label0", "Label (not a name)", "Input.Text", null, false, [], MaxLength: 40);

    private static readonly CardInput Identity = new("identity", "Identity needs", "Input.ChoiceSet", null, true,
        [("Heritage", "heritage"), ("Religion", "religion"), ("Language", "language")]);

    [Fact]
    public void TheForm_ShowsEveryQuestion_ItsChoices_AndItsLimits_BeforeAnythingIsTyped()
    {
        var text = new ConsoleForm([Age, Label, Identity]).Describe();

        Assert.Contains("1. How old is the child? (required): not answered", text, StringComparison.Ordinal);
        Assert.Contains("1) Under 2  2) 2 to 4  3) 5 to 10", text, StringComparison.Ordinal);
        Assert.Contains("2. Label (not a name) (up to 40 characters): not answered", text, StringComparison.Ordinal);
        Assert.Contains("(any, separated by commas)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SeveralAnswersOnOneLine_ByNumberOrWords_AreAllNoted()
    {
        var form = new ConsoleForm([Age, Label, Identity]);

        var (refused, noted, _) = form.Apply("1=2 to 4; 3=1,language; 2=Older brother; likes trains");

        Assert.Empty(refused);
        Assert.Equal(["1", "3", "2"], noted);
        var data = form.Fill(new System.Text.Json.Nodes.JsonObject { ["verb"] = "consult.child" });
        Assert.Equal("2-4", data["ageBand"]!.GetValue<string>());
        Assert.Equal("heritage,language", data["identity"]!.GetValue<string>());
        // A text answer runs to the end of the line, semicolons and all.
        Assert.Equal("Older brother; likes trains", data["label0"]!.GetValue<string>());
        Assert.Equal("consult.child", data["verb"]!.GetValue<string>());
    }

    [Fact]
    public void ARefusedAnswer_NamesItsQuestion_AndChangesNothing()
    {
        var form = new ConsoleForm([Age, Label]);

        var (refused, noted, _) = form.Apply("2=" + new string('x', 52));
        var (noChoice, _, _) = form.Apply("1=9");
        var (noQuestion, _, _) = form.Apply("7=yes");

        Assert.Empty(noted);
        Assert.Equal("Question 2 (Label (not a name)) takes up to 40 characters; that answer has 52. It was not changed.", Assert.Single(refused));
        Assert.StartsWith("Question 1 (How old is the child?) has no choice \"9\"", Assert.Single(noChoice), StringComparison.Ordinal);
        Assert.Equal("\"7\" is not a question number: questions are 1 to 2.", Assert.Single(noQuestion));
        Assert.Equal(["Question 1 (How old is the child?)"], form.Missing());
    }

    [Fact]
    public void ARangeAnswersSeveralQuestionsAlike_AndANumberAloneShowsItsQuestion()
    {
        var factors = Enumerable.Range(0, 5).Select(i => new CardInput($"f.{i}", $"Point {i}", "Input.ChoiceSet", null, false,
            [("Yes", "yes"), ("No", "no"), ("Not known", "unknown")])).ToList();
        var form = new ConsoleForm(factors);

        var (_, noted, shown) = form.Apply("2-4=no; 5");

        Assert.Equal(["2", "3", "4"], noted);
        Assert.Contains("5. Point 4: not answered", shown, StringComparison.Ordinal);
        Assert.Contains("2. Point 1: No", form.Describe(), StringComparison.Ordinal);
    }
}
