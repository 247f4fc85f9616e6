using KitBot.Dialogs.Consultation;
using KitBot.Dialogs.Content;
using KitBot.Dialogs.Plans;
using KitBot.Dialogs.Tests.Plans;
using KitBot.Dialogs.Tests.Support;

namespace KitBot.Dialogs.Tests.Consultation;

/// <summary>
/// Four more cases written from PRACTICE.md, covering every person status and each transition: a baby moving from
/// foster carers (farewell already held, a father whose whereabouts are unknown), brothers across two adoptive families
/// with a grandmother who shares the child's heritage, a father in prison with a sister abroad, and a grandfather who
/// has died with a brother born later and siblings in foster care and with an aunt.
/// </summary>
public sealed class PracticeCaseTests
{
    private static readonly PracticeContent Content = PracticeContent.Default;

    private static string Form(string id) => Content.Form(id).Name;

    private static string Advice(string id) => Content.Advice(id);

    // From 11 the suggestions speak of "the young person".
    private static string Young(string text) =>
        text.Replace("The child", "The young person", StringComparison.Ordinal).Replace("the child", "the young person", StringComparison.Ordinal);

    private static IReadOnlyList<string> Asked(Transcript t) =>
        t.LastCard.Data["sections"]!.AsArray().SelectMany(s => s!["factors"]!.AsArray()).Select(f => f!["answerId"]!.GetValue<string>()["f.".Length..]).ToList();

    /// <summary>(d) A baby moving from foster carers to adoption; a farewell meeting held; the father's whereabouts unknown.</summary>
    internal static Transcript CaseD() =>
        new Transcript().StartConsultation()
            .AnswerChild("under-2", "placement-order", "not-yet-able", "heritage")
            .ListPeople(("former-foster-carer", "Foster carers", "in-touch"), ("birth-mother", "Birth mother", "in-touch"), ("birth-father", "Birth father", "whereabouts-unknown"))
            .AnswerFactors(new A("child-positive", "yes", "Has lived with them since birth"), new A("child-copes", "yes"), new A("person-risk", "no"), new A("person-accepts", "yes"))
            .AnswerFactors(new A("person-farewell-held", "yes"), new A("person-risk", "no", "No risk to the baby in a planned meeting"),
                new A("person-difficulties", "yes", "Recurrent care proceedings; mental health"), new A("person-accepts", "unsure"))
            .AnswerFactors(new A("person-risk", "unknown"))
            .AnswerFactors(new A("adopters-open", "yes"), new A("adopters-prepared", "yes"));

    /// <summary>(e) Brothers placed with two adoptive families; a grandmother who shares the child's heritage, religion and language.</summary>
    internal static Transcript CaseE() =>
        new Transcript().StartConsultation()
            .AnswerChild("5-10", "placed", "said", "heritage,religion,language")
            .ListPeople(("sibling-apart", "Younger brother (5)", "adoptive-family"), ("grandparent", "Maternal grandmother", "in-touch"))
            .AnswerFactors(new A("child-positive", "yes"), new A("child-asks", "yes"), new A("carers-partners", "yes"), new A("person-risk", "no"))
            .AnswerFactors(new A("child-positive", "yes"), new A("child-identity", "yes"), new A("person-risk", "no"), new A("person-accepts", "yes"))
            .AnswerFactors(new A("adopters-different-heritage", "yes"), new A("adopters-open", "yes"));

    /// <summary>(f) A 12-year-old placed: a father in prison, a mother who finds letters hard, an older sister abroad.</summary>
    internal static Transcript CaseF() =>
        new Transcript().StartConsultation()
            .AnswerChild("11-13", "placed", "said")
            .ListPeople(("birth-father", "Birth father", "secure-setting"), ("birth-mother", "Birth mother", "in-touch"), ("sibling-apart", "Older sister (19)", "abroad"))
            .AnswerFactors(new A("child-asks", "yes"), new A("person-risk", "no"))
            .AnswerFactors(new A("child-positive", "yes"), new A("person-literacy", "yes"), new A("person-risk", "no"), new A("person-reliable", "no"))
            .AnswerFactors(new A("child-positive", "yes"), new A("person-risk", "no"))
            .AnswerFactors(new A("adopters-open", "yes"));

    /// <summary>(g) A grandfather who has died, a brother born later, a sister in foster care and a brother living with an aunt.</summary>
    internal static Transcript CaseG() =>
        new Transcript().StartConsultation()
            .AnswerChild("2-4", "adopted", "shown", "culture")
            .ListPeople(("grandparent", "Paternal grandfather", "died"), ("sibling-later-born", "Baby brother", "later-born"),
                ("sibling-apart", "Sister (9)", "foster-care"), ("sibling-apart", "Brother (12)", "with-relative"))
            .AnswerFactors(new A("child-identity", "yes"))
            .AnswerFactors(new A("child-identity", "yes"))
            .AnswerFactors(new A("child-positive", "yes"), new A("person-risk", "no"))
            .AnswerFactors(new A("child-positive", "yes"), new A("person-risk", "no"))
            .AnswerFactors(new A("adopters-open", "yes"));

    private static string Kit(Transcript t) => t.State.Plans[0].Section(PlanSectionIds.KeepingInTouch)!.Text;

    private static string Section(Transcript t, string id) => t.State.Plans[0].Section(id)!.Text;

    [Fact]
    public void CaseD_BabyFromFosterCarers_FosterCarersFirst_NoFarewellAgain_AndAPlanForIfTheFatherReappears()
    {
        var t = CaseD();
        var carers = t.SummaryPerson("Foster carers");
        Assert.Equal(Form("former-foster-carers"), carers.Texts("forms")[0]);
        Assert.Contains(Advice("foster-transition"), carers.Texts("support"));

        // The farewell meeting has been held: not suggested again, and not listed as ruled out either.
        var mother = t.SummaryPerson("Birth mother");
        Assert.DoesNotContain(Form("farewell"), mother.Texts("forms"));
        Assert.DoesNotContain(Form("farewell"), mother.Texts("notSuggested"));
        // Difficulties that call for support, with no risk to the child in a planned meeting, do not exclude a one-off meeting.
        Assert.Contains(Form("one-off-meeting"), mother.Texts("forms"));
        Assert.Contains(Advice("difficulties-support"), mother.Texts("support"));

        var father = t.SummaryPerson("Birth father");
        Assert.Equal(Form("if-reappear"), father.Texts("forms")[0]);
        foreach (var direct in new[] { "direct-supervised", "direct-supported", "one-off-meeting", "farewell", "digital" })
        {
            Assert.DoesNotContain(Form(direct), father.Texts("forms"));
        }

        Assert.Contains(Advice("reappear-plan"), father.Texts("safeguards"));

        t.Finish();
        var kit = Kit(t);
        var fatherPlan = PlanScenarios.Block(kit, "Birth father");
        Assert.StartsWith("Birth father (whereabouts unknown)\nForm: a plan for if they reappear.", fatherPlan);
        Assert.DoesNotContain("meeting", fatherPlan.Split('\n')[1]);
        Assert.StartsWith("Foster carers (former foster carers)\nForm: " + PlanWriting.Lower(Form("former-foster-carers")), PlanScenarios.Block(kit, "Foster carers"));
        Assert.Contains("A farewell meeting with the birth mother has already been held.", Section(t, PlanSectionIds.Strengths));
    }

    [Fact]
    public void CaseE_SiblingsAcrossTwoAdoptiveFamilies_MeetingsFirst_OtherFamilyAsPartners_GrandmotherAnIdentityLink()
    {
        var t = new Transcript().StartConsultation()
            .AnswerChild("5-10", "placed", "said", "heritage,religion,language")
            .ListPeople(("sibling-apart", "Younger brother (5)", "adoptive-family"), ("grandparent", "Maternal grandmother", "in-touch"));

        // A young brother is not asked whether he accepts the adoption or finds letters hard; his carers are asked instead.
        var asked = Asked(t);
        Assert.DoesNotContain("person-accepts", asked);
        Assert.DoesNotContain("person-literacy", asked);
        Assert.Contains("carers-partners", asked);

        t = CaseE();
        var brother = t.SummaryPerson("Younger brother (5)");
        Assert.Equal(Form("sibling-meetings"), brother.Texts("forms")[0]);
        Assert.Contains(Advice("adopters-partners"), brother.Texts("support"));

        t.Finish();
        var support = Section(t, PlanSectionIds.Support);
        Assert.Contains("Suggested: " + Advice("adopters-partners").TrimEnd('.') + " (for the younger brother (5)).", support);
        Assert.Contains(Advice("adopters-identity"), PlanScenarios.Block(support, "For the adoptive parents"));
        Assert.Contains(
            "Suggested: the maternal grandmother is an identity link for the child; time together could hold family history, photographs and stories of where the family comes from; religious festivals and practice; and hearing and speaking the family's language.",
            Section(t, PlanSectionIds.People));
        Assert.StartsWith("Younger brother (5) (brother or sister living elsewhere, lives with another adoptive family)\nForm: sibling meetings.", PlanScenarios.Block(Kit(t), "Younger brother (5)"));
        Assert.Contains("The adoptive parents do not share the child's heritage, culture, religion or language.", Section(t, PlanSectionIds.Strengths));
    }

    [Fact]
    public void CaseF_FatherInPrison_MotherWhoFindsLettersHard_SisterAbroad()
    {
        var t = CaseF();
        var father = t.SummaryPerson("Birth father");
        Assert.Contains(Form("letterbox"), father.Texts("forms"));
        Assert.DoesNotContain(Form("direct-supported"), father.Texts("forms"));
        Assert.DoesNotContain(Form("digital"), father.Texts("forms"));
        Assert.Contains(Young(Advice("secure-setting-contact")), father.Texts("safeguards"));

        var mother = t.SummaryPerson("Birth mother");
        Assert.Contains(Young(Advice("letter-writing-help")), mother.Texts("support"));

        var sister = t.SummaryPerson("Older sister (19)");
        Assert.Equal(Form("sibling-meetings"), sister.Texts("forms")[0]);
        Assert.Contains(Form("digital"), sister.Texts("forms"));
        Assert.Contains(Young(Advice("abroad-practical")), sister.Texts("support"));

        t.Finish();
        var plan = string.Join("\n\n", t.State.Plans[0].Sections.Select(s => s.Text));
        Assert.Contains("For the birth mother\n", plan);
        Assert.Contains(Young(Advice("letter-writing-help")).Replace("the child", "the young person", StringComparison.Ordinal), PlanScenarios.Block(Section(t, PlanSectionIds.Support), "For the birth mother"));
        Assert.Contains("They have not kept to arrangements or family time", PlanScenarios.Block(Section(t, PlanSectionIds.Strengths), "Birth mother"));
        Assert.StartsWith("Birth father (in prison or a secure setting)\n", PlanScenarios.Block(Kit(t), "Birth father"));
        Assert.Contains("The young person ", plan);
        Assert.DoesNotContain("the child ", plan, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void CaseG_GrandfatherWhoDied_BrotherBornLater_SiblingsInFosterCareAndWithAnAunt()
    {
        var t = new Transcript().StartConsultation()
            .AnswerChild("2-4", "adopted", "shown", "culture")
            .ListPeople(("grandparent", "Paternal grandfather", "died"), ("sibling-later-born", "Baby brother", "later-born"),
                ("sibling-apart", "Sister (9)", "foster-care"), ("sibling-apart", "Brother (12)", "with-relative"));

        // Nothing is asked about the person themselves for someone who has died.
        Assert.DoesNotContain(Asked(t), id => id.StartsWith("person-", StringComparison.Ordinal));
        Assert.Contains("child-identity", Asked(t));

        t = CaseG();
        var grandfather = t.SummaryPerson("Paternal grandfather");
        Assert.Equal([Form("life-story")], grandfather.Texts("forms"));
        Assert.Empty(grandfather.Texts("notSuggested"));
        Assert.Contains(Advice("remembered"), grandfather.Texts("support"));

        var baby = t.SummaryPerson("Baby brother");
        Assert.Contains(Form("letterbox"), baby.Texts("forms"));
        Assert.DoesNotContain(Form("direct-supported"), baby.Texts("forms"));

        foreach (var label in new[] { "Sister (9)", "Brother (12)" })
        {
            var sibling = t.SummaryPerson(label);
            Assert.Equal(Form("sibling-meetings"), sibling.Texts("forms")[0]);
            Assert.Contains(Advice("sibling-carers"), sibling.Texts("support"));
        }

        t.Finish();
        Assert.StartsWith("Paternal grandfather (grandparent, has died)\nForm: life story work and a later life letter.", PlanScenarios.Block(Kit(t), "Paternal grandfather"));
        Assert.Contains(Advice("sibling-later-born").TrimEnd('.'), Section(t, PlanSectionIds.Review));
        Assert.StartsWith("Sister (9) (brother or sister living elsewhere, lives in foster care)", PlanScenarios.Block(Kit(t), "Sister (9)"));
        Assert.StartsWith("Brother (12) (brother or sister living elsewhere, lives with a relative)", PlanScenarios.Block(Kit(t), "Brother (12)"));
    }

    [Fact]
    public void EveryStatus_IsCoveredByTheseCasesOrTheWorkedOnes()
    {
        var used = new[] { CaseD(), CaseE(), CaseF(), CaseG(), ConsultationCaseTests.CaseA() }
            .SelectMany(t => t.State.Consultation!.People.Select(p => p.StatusOrDefault))
            .ToHashSet();
        Assert.Equal(Content.Consultation.Statuses.Select(s => s.Id).Order(), used.Order());
    }
}
