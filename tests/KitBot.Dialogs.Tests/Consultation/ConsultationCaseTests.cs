using KitBot.Dialogs.Consultation;
using KitBot.Dialogs.Content;
using KitBot.Dialogs.Tests.Support;

namespace KitBot.Dialogs.Tests.Consultation;

/// <summary>
/// The three contrasting cases from the issue, walked end to end through the cards, asserting that the summary's
/// suggestions follow the answers (and what must not be suggested).
/// </summary>
public sealed class ConsultationCaseTests
{
    private static readonly PracticeContent Content = PracticeContent.Default;

    private static string Form(string id) => Content.Form(id).Name;

    private static string Advice(string id) => Content.Advice(id);

    // From 11 the suggestions speak of "the young person".
    private static string Young(string text) =>
        text.Replace("The child", "The young person", StringComparison.Ordinal).Replace("the child", "the young person", StringComparison.Ordinal);

    private static string Purpose(string id) => Content.Purpose(id);

    private static IEnumerable<string> UnsupervisedDirectForms =>
        Content.Suggestions.Forms.Where(f => f.UnsupervisedDirect).Select(f => f.Name);

    /// <summary>(a) A 4-year-old placed for adoption.</summary>
    internal static Transcript CaseA(Transcript? transcript = null) =>
        (transcript ?? new Transcript())
            .StartConsultation()
            .AnswerChild("2-4", "placed", "shown", "heritage")
            .ListPeople(
                ("birth-mother", "Birth mother"),
                ("sibling-apart", "Older brother (7), foster care"),
                ("former-foster-carer", "Former foster carers"))
            .AnswerFactors(
                new A("child-positive", "yes"),
                new A("child-identity", "yes"),
                new A("person-accepts", "yes"),
                new A("person-reliable", "yes"),
                new A("person-feelings", "yes"),
                new A("person-risk", "no"),
                new A("person-literacy", "yes", "Finds reading and writing hard; would like help with letters"),
                new A("person-fear", "yes"))
            .AnswerFactors(
                new A("child-positive", "yes"),
                new A("child-asks", "yes"),
                new A("person-risk", "no"))
            .AnswerFactors(
                new A("child-positive", "yes"),
                new A("child-copes", "yes"),
                new A("person-accepts", "yes"),
                new A("person-risk", "no"))
            .AnswerFactors(
                new A("adopters-open", "yes"),
                new A("adopters-empathy", "yes"),
                new A("adopters-confident", "yes"),
                new A("adults-low-conflict", "yes"),
                new A("adults-respect", "yes"));

    /// <summary>(b) A 9-year-old: a birth father who poses a risk, a grandmother who supports the placement.</summary>
    internal static Transcript CaseB(Transcript? transcript = null) =>
        (transcript ?? new Transcript())
            .StartConsultation()
            .AnswerChild("5-10", "adopted", "said")
            .ListPeople(("birth-father", "Birth father"), ("grandparent", "Maternal grandmother"))
            .AnswerFactors(
                new A("child-positive", "yes", "Remembers good times with him"),
                new A("child-asks", "yes"),
                new A("child-harmed", "unsure"),
                new A("person-risk", "yes", "Safeguarding concerns remain"),
                new A("person-accepts", "no"),
                new A("person-opposes", "yes"))
            .AnswerFactors(
                new A("child-positive", "yes"),
                new A("child-copes", "yes"),
                new A("person-accepts", "yes"),
                new A("person-reliable", "yes"),
                new A("person-adopters", "yes"),
                new A("person-risk", "no"),
                new A("person-opposes", "no"))
            .AnswerFactors(
                new A("adopters-anxious", "yes", "Worried about the father finding them"),
                new A("adopters-open", "yes"));

    /// <summary>(c) A 14-year-old adopted and now back in care.</summary>
    internal static Transcript CaseC(Transcript? transcript = null) =>
        (transcript ?? new Transcript())
            .StartConsultation()
            .AnswerChild("14-15", "back-in-care", "said", "culture")
            .ListPeople(("adoptive-parents", "Adoptive parents"), ("birth-mother", "Birth mother"))
            .AnswerFactors(
                new A("child-positive", "unsure", "Pushes them away but asks after them"),
                new A("person-reliable", "yes"),
                new A("person-feelings", "yes"),
                new A("person-risk", "no"))
            .AnswerFactors(
                new A("child-asks", "yes"),
                new A("child-seeking", "yes", "Has been looking for her on social media"),
                new A("person-boundaries", "unsure"),
                new A("person-risk", "unsure"),
                new A("person-inconsistent", "yes"))
            .AnswerFactors(
                new A("adopters-distance", "yes"),
                new A("adults-low-conflict", "no"));

    [Fact]
    public void CaseA_FourYearOldPlaced_SuggestsSiblingMeetingsFirst_FosterCarersAsStartingPoint_AndLetterWritingHelp()
    {
        var t = CaseA();
        var mother = t.SummaryPerson("Birth mother");
        Assert.Contains(Form("letterbox"), mother.Texts("forms"));
        Assert.Contains(Form("direct-supported"), mother.Texts("forms"));
        Assert.Contains(Form("one-off-meeting"), mother.Texts("forms"));
        Assert.Contains(Advice("letter-writing-help"), mother.Texts("support"));
        Assert.Contains("Has literacy difficulties that make letters hard — yes", mother.Because("support", Advice("letter-writing-help")));
        Assert.Contains(Purpose("permission"), mother.Texts("purposes"));
        Assert.Contains(Advice("fear-reassure"), mother.Texts("support"));
        Assert.Empty(mother.Texts("notSuggested"));

        var brother = t.SummaryPerson("Older brother (7), foster care");
        Assert.Equal(Form("sibling-meetings"), brother.Texts("forms")[0]);
        Assert.Contains("relationship — Brother or sister living elsewhere", brother.Because("forms", Form("sibling-meetings")));

        var carers = t.SummaryPerson("Former foster carers");
        Assert.Equal(Form("former-foster-carers"), carers.Texts("forms")[0]);
        Assert.Contains("as the starting point", carers.Texts("forms")[0]);

        // Nothing here calls for a plan for unplanned social media contact.
        Assert.DoesNotContain(t.SummaryPeople(), p => p.Texts("safeguards").Contains(Advice("social-media-plan")));
        Assert.Equal(ConsultationStep.Summary, t.State.Consultation!.Step);
    }

    [Fact]
    public void CaseB_RiskFromBirthFather_NoUnsupervisedDirectContact_SupervisedOnly_GrandmotherSupported()
    {
        var t = CaseB();
        var summary = t.ExpectCard(ConsultationTemplates.Summary);

        var father = t.SummaryPerson("Birth father");
        var fatherForms = father.Texts("forms");
        Assert.Empty(fatherForms.Intersect(UnsupervisedDirectForms));
        Assert.Contains(Form("direct-supervised"), fatherForms);
        Assert.Contains(Form("letterbox"), fatherForms);
        Assert.Contains(Advice("risk-supervised-only"), father.Texts("safeguards"));
        Assert.Contains(
            "Poses a risk of harm to the child in direct contact, or there are safeguarding concerns — yes",
            father.Because("safeguards", Advice("risk-supervised-only")));
        // A positive relationship would otherwise suggest meetings the adoptive parents support: the risk wins, and says so.
        Assert.Contains(Form("direct-supported"), father.Texts("notSuggested"));
        Assert.Contains("Poses a risk of harm", father.Because("notSuggested", Form("direct-supported")));
        Assert.Contains(Advice("fathers-often-lost"), father.Texts("support"));

        var grandmother = t.SummaryPerson("Maternal grandmother");
        Assert.Contains(Form("direct-supported"), grandmother.Texts("forms"));
        Assert.Contains(Purpose("permission"), grandmother.Texts("purposes"));
        Assert.DoesNotContain(Advice("risk-supervised-only"), grandmother.Texts("safeguards"));

        Assert.Contains(Advice("adopters-training"), summary.Data["familySupport"]!.AsArray().Select(i => i!["text"]!.GetValue<string>()));
    }

    [Fact]
    public void CaseC_BackInCare_SupportsParentingFromADistance_AndPlansForUnplannedSocialMediaContact()
    {
        var t = CaseC();
        var summary = t.ExpectCard(ConsultationTemplates.Summary);

        var parents = t.SummaryPerson("Adoptive parents");
        Assert.Contains(Young(Advice("adoptive-parents-distance")), parents.Texts("support"));
        Assert.Contains(Purpose("build-keep"), parents.Texts("purposes"));

        var mother = t.SummaryPerson("Birth mother");
        Assert.Contains(Young(Advice("social-media-plan")), mother.Texts("safeguards"));
        Assert.Contains(
            "The child is seeking this person out, or in touch with them, outside the plan (for example on social media) — yes",
            mother.Because("safeguards", Young(Advice("social-media-plan"))));
        Assert.Contains(Young(Advice("young-person-questions")), mother.Texts("support"));
        // Risk is recorded as not sure: no unsupervised direct contact, including the video calls the seeking might suggest.
        Assert.Empty(mother.Texts("forms").Intersect(UnsupervisedDirectForms));
        Assert.Contains(Form("digital"), mother.Texts("notSuggested"));
        Assert.Contains(Young(Advice("inconsistent-plan")), mother.Texts("support"));

        var family = summary.Data["familySupport"]!.AsArray().Select(i => i!["text"]!.GetValue<string>()).ToList();
        Assert.Contains(Young(Advice("adoptive-parents-distance")), family);
        Assert.Contains(Young(Advice("mediation")), family);
    }

    [Fact]
    public void EverySuggestion_ShowsTheAnswersThatLedToIt()
    {
        foreach (var t in new[] { CaseA(), CaseB(), CaseC() })
        {
            var summary = t.ExpectCard(ConsultationTemplates.Summary);
            var items = t.SummaryPeople()
                .SelectMany(p => new[] { "purposes", "forms", "support", "safeguards", "notSuggested" }.SelectMany(list => p[list]!.AsArray()))
                .Concat(summary.Data["familySupport"]!.AsArray())
                .Concat(summary.Data["familySafeguards"]!.AsArray())
                .ToList();
            Assert.NotEmpty(items);
            Assert.All(items, item =>
            {
                var because = item!["because"]!.GetValue<string>();
                Assert.True(because.StartsWith("Because you said: ", StringComparison.Ordinal) || because == Content.Message(MessageKeys.SummaryAlways), because);
            });
        }
    }

    [Fact]
    public void Summary_IsWordedAsSuggestionsForProfessionalJudgement()
    {
        var t = CaseA();
        t.ExpectCard(ConsultationTemplates.Summary);
        var first = t.Replies.OfType<Turns.CardReply>().First();
        Assert.Equal(ConsultationTemplates.SummaryPeople, first.Template);
        Assert.True((bool)first.Data["showHeader"]!);
        Assert.Contains("professional judgement", first.Data["title"]!.GetValue<string>());
        Assert.Contains("not decisions", first.Data["intro"]!.GetValue<string>());
    }

    [Fact]
    public void Finish_CompletesTheConsultation_AndLeavesTheDialog()
    {
        var t = CaseA();
        // After the summary, one provisional plan card per person; the last drafts the plan (see Plans/PlanDraftTests).
        t.Submit().ExpectCard(ConsultationTemplates.Plan);
        Assert.Equal(ConsultationStep.Plan, t.State.Consultation!.Step);
        t.Submit().ExpectCard(ConsultationTemplates.Plan);
        t.Submit().ExpectCard(ConsultationTemplates.Plan);
        Assert.True(t.LastCard.Data["hasReview"]!.GetValue<bool>());
        t.Submit().ExpectText("consultation is finished").ExpectCard("plan-sections");
        Assert.Null(t.State.Dialog);
        Assert.NotNull(t.State.Consultation!.Completed);

        // The menu now starts a new consultation rather than offering to resume the finished one.
        t.StartConsultation();
        Assert.Null(t.State.Consultation!.Child);
    }

    [Fact]
    public void ThreePeople_TakeSevenCards_ToTheSummary_SixOfQuestionsAndTheSummary()
    {
        var t = CaseA();
        Assert.Equal(7, t.Cards.Count(c => c.Template.StartsWith("consult-", StringComparison.Ordinal) && c.Template != ConsultationTemplates.SummaryPeople));
        // The summary's suggestions may take more than one card (each about two screens at most); none of them asks anything.
        Assert.InRange(t.Replies.OfType<Turns.CardReply>().Count(c => c.Template == ConsultationTemplates.SummaryPeople), 1, 3);
    }

    [Fact]
    public void LongList_GivesAGentleSocialExhaustionWarning()
    {
        var t = new Transcript().StartConsultation().AnswerChild("5-10", "placed", "said");
        var people = Enumerable.Range(0, Content.Consultation.People.ExhaustionAt).Select(i => ("other-important-adult", $"Important adult {i + 1}")).ToArray();
        t.Submit([.. people.SelectMany((p, i) => new[] { ($"rel{i}", p.Item1), ($"label{i}", p.Item2) })]);
        t.ExpectText("social exhaustion").ExpectCard(ConsultationTemplates.Factors);

        var few = new Transcript().StartConsultation().AnswerChild("5-10", "placed", "said");
        few.Submit(("rel0", "birth-mother"));
        Assert.DoesNotContain(few.Replies.OfType<Turns.TextReply>(), r => r.Text.Contains("social exhaustion", StringComparison.Ordinal));
    }

    [Fact]
    public void PeopleWithoutLabels_AreLabelledByRelationship_AndToldApart()
    {
        var t = new Transcript().StartConsultation().AnswerChild("5-10", "placed", "said");
        t.Submit(("rel0", "sibling-apart"), ("rel1", "sibling-apart"));
        Assert.Equal(
            ["Brother or sister living elsewhere", "Brother or sister living elsewhere (2)"],
            t.State.Consultation!.People.Select(p => p.Label));
    }
}
