using KitBot.Dialogs.Consultation;
using KitBot.Dialogs.Content;
using KitBot.Dialogs.Tests.Support;

namespace KitBot.Dialogs.Tests.Consultation;

/// <summary>
/// Strengths and challenges cards ask what fits the person: points start unanswered, the most telling come first
/// with the rest behind "More detail", a required point must be answered, and a part can be marked not known yet.
/// </summary>
public sealed class FactorQuestionTests
{
    private static readonly PracticeContent Content = PracticeContent.Default;

    private static Transcript AtFirstPerson() =>
        new Transcript().StartConsultation().AnswerChild("5-10", "placed", "said").ListPeople(("birth-mother", "Birth mother"));

    [Fact]
    public void Points_StartUnanswered_MostTellingFirst_TheRestBehindMoreDetail()
    {
        var card = AtFirstPerson().ExpectCard(ConsultationTemplates.Factors);
        var sections = card.Data["sections"]!.AsArray().Select(s => s!.AsObject()).ToList();
        var shown = sections.SelectMany(s => s["factors"]!.AsArray()).ToList();
        var hidden = sections.SelectMany(s => s["more"]!.AsArray()).ToList();

        Assert.All(shown.Concat(hidden), f => Assert.Equal(string.Empty, f!["answer"]!.GetValue<string>()));
        Assert.Contains(shown, f => f!["answerId"]!.GetValue<string>() == "f.person-risk");
        Assert.Contains(hidden, f => f!["answerId"]!.GetValue<string>() == "f.person-literacy");
        Assert.True(shown.Count < hidden.Count, $"{shown.Count} shown, {hidden.Count} behind More detail");
        Assert.Contains(sections, s => s["hasMore"]!.GetValue<bool>());
    }

    [Fact]
    public void Next_WithARequiredPointUnanswered_SaysWhich_AndStoresNothing()
    {
        var t = AtFirstPerson();
        t.Submit(("f.child-positive", "yes"));

        t.ExpectText(Content.Factor("person-risk").Text).ExpectCard(ConsultationTemplates.Factors);
        Assert.Equal(ConsultationStep.Person, t.State.Consultation!.Step);
        Assert.Empty(t.State.Consultation.People[0].Answers);
        // The card comes back with what was chosen.
        var again = t.LastCard.Data["sections"]!.AsArray().SelectMany(s => s!["factors"]!.AsArray()).Single(f => f!["answerId"]!.GetValue<string>() == "f.child-positive");
        Assert.Equal("yes", again!["answer"]!.GetValue<string>());
    }

    [Fact]
    public void NotKnownYet_MarksThePointsLeftUnanswered_InThatPartOnly()
    {
        var t = AtFirstPerson();
        t.Submit(("f.child-positive", "yes"), ("u.person", "true"));

        var answers = t.State.Consultation!.People[0].Answers;
        Assert.Equal(FactorAnswerValue.Yes, answers["child-positive"].Answer);
        Assert.Equal(FactorAnswerValue.Unknown, answers["person-risk"].Answer);
        Assert.Equal(FactorAnswerValue.Unknown, answers["person-literacy"].Answer);
        // The child's part was not marked: its unanswered points are simply left out.
        Assert.False(answers.ContainsKey("child-asks"));
    }

    [Fact]
    public void NothingPreset_PressingNextAtOnce_DoesNotAnswerEverything()
    {
        var t = AtFirstPerson();
        t.Submit();
        t.ExpectCard(ConsultationTemplates.Factors);
        Assert.Empty(t.State.Consultation!.People[0].Answers);
    }
}
