using KitBot.Dialogs.Consultation;
using KitBot.Dialogs.Content;
using KitBot.Dialogs.Menu;
using KitBot.Dialogs.Roles;
using KitBot.Dialogs.Tests.Support;

namespace KitBot.Dialogs.Tests.Consultation;

/// <summary>An answer that cannot be used is re-asked, saying what is expected, with what was entered kept on the card.</summary>
public sealed class InvalidAnswerTests
{
    private static readonly PracticeContent Content = PracticeContent.Default;

    private static string Error(string question) => Content.Consultation.Questions[question].Error;

    [Fact]
    public void Child_MissingAnswers_AreReasked_NamingEachOne()
    {
        var t = new Transcript().StartConsultation();
        t.Submit(("ageBand", "5-10"));
        t.ExpectText(Error("journey")).ExpectText(Error("wishes"));
        Assert.DoesNotContain(t.Replies.OfType<Turns.TextReply>(), r => r.Text.Contains(Error("ageBand"), StringComparison.Ordinal));
        var card = t.ExpectCard(ConsultationTemplates.Child);
        Assert.Equal("5-10", (string?)card.Data["ageBand"]);
        Assert.Null(t.State.Consultation!.Child);
        Assert.Equal(ConsultationStep.Child, t.State.Consultation.Step);
    }

    [Theory]
    [InlineData("ageBand", "banana", "ageBand")]
    [InlineData("journey", "somewhere", "journey")]
    [InlineData("wishes", "maybe", "wishes")]
    [InlineData("identity", "heritage,football", "identity")]
    public void Child_AnswerNotInTheList_IsReasked(string input, string value, string question)
    {
        var t = new Transcript().StartConsultation();
        t.Submit(("ageBand", "5-10"), ("journey", "placed"), ("wishes", "said"), (input, value));
        t.ExpectText(Error(question)).ExpectCard(ConsultationTemplates.Child);
        Assert.Null(t.State.Consultation!.Child);
    }

    [Fact]
    public void People_NoneListed_IsReasked()
    {
        var t = new Transcript().StartConsultation().AnswerChild("5-10", "placed", "said");
        t.Submit().ExpectText(Content.Message(MessageKeys.ConsultNoPeople)).ExpectCard(ConsultationTemplates.People);
        Assert.Empty(t.State.Consultation!.People);
    }

    [Fact]
    public void People_LabelWithoutRelationship_IsReasked_KeepingTheRows()
    {
        var t = new Transcript().StartConsultation().AnswerChild("5-10", "placed", "said");
        t.Submit(("rel0", "birth-mother"), ("label1", "Older cousin (15)"));
        t.ExpectText(Content.Message(MessageKeys.ConsultLabelWithoutRelationship));
        var card = t.ExpectCard(ConsultationTemplates.People);
        Assert.Equal("birth-mother", (string?)card.Data["rows"]![0]!["relationship"]);
        Assert.Equal("Older cousin (15)", (string?)card.Data["rows"]![1]!["label"]);
        Assert.Empty(t.State.Consultation!.People);
    }

    [Fact]
    public void People_UnknownRelationship_IsReasked()
    {
        var t = new Transcript().StartConsultation().AnswerChild("5-10", "placed", "said");
        t.Submit(("rel0", "neighbour")).ExpectText(Error("relationship")).ExpectCard(ConsultationTemplates.People);
    }

    [Fact]
    public void People_LabelTooLong_IsReasked()
    {
        var t = new Transcript().StartConsultation().AnswerChild("5-10", "placed", "said");
        t.Submit(("rel0", "birth-mother"), ("label0", new string('x', Content.Consultation.Limits.LabelLength + 1)))
            .ExpectText("characters").ExpectCard(ConsultationTemplates.People);
    }

    [Fact]
    public void Factors_AnswerNotYesNoNotSureOrNotKnown_IsReasked()
    {
        var t = GlobalCommandTests.At("person-0");
        t.Submit(("f.child-positive", "maybe"), ("f.person-risk", "no"));
        t.ExpectText(Error("factorAnswer"));
        var card = t.ExpectCard(ConsultationTemplates.Factors);
        Assert.Equal("no", CardInputs.Current(card)["f.person-risk"]);
        Assert.Empty(t.State.Consultation!.People[0].Answers);
    }

    [Fact]
    public void Factors_NoteTooLong_IsReasked()
    {
        var t = GlobalCommandTests.At("person-0");
        t.Submit(("n.child-positive", new string('a', Content.Consultation.Limits.NoteLength + 1)))
            .ExpectText("characters").ExpectCard(ConsultationTemplates.Factors);
    }

    [Fact]
    public void Factors_Unanswered_CountAsNotKnown()
    {
        var t = GlobalCommandTests.At("person-0");
        t.Click(ConsultationVerbs.Person, new Dictionary<string, string>());
        Assert.All(t.State.Consultation!.People[0].Answers.Values, a => Assert.Equal(FactorAnswerValue.Unknown, a.Answer));
    }

    [Fact]
    public void RoleGuidance_MissingStage_IsReasked()
    {
        var t = new Transcript();
        t.Menu(MenuVerbs.Roles);
        t.Submit(("role", "iro")).ExpectText(Error("stage"));
        Assert.Equal("iro", (string?)t.ExpectCard(RoleGuidanceTemplates.Pick).Data["role"]);
        Assert.Equal(RoleGuidanceStep.Pick, t.State.Roles!.Step);
    }
}
