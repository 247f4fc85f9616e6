using System.Text.RegularExpressions;
using KitBot.Dialogs.Consultation;
using KitBot.Dialogs.Content;
using KitBot.Dialogs.Plans;
using KitBot.Dialogs.Tests.Support;
using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Tests.Plans;

/// <summary>
/// The plans drafted from the three worked cases hold what was answered, in the practitioner's own labels and notes,
/// and nothing that was not: no arrangement, venue or review date is made up, suggestions are marked as suggestions.
/// </summary>
public sealed class PlanDraftTests
{
    private static readonly PracticeContent Content = PracticeContent.Default;

    private static string Form(string id) => PlanWriting.Lower(Content.Form(id).Name);

    private static string Advice(string id) => Content.Advice(id);

    private static string Text(Transcript t, string section) => t.State.Plans[0].Section(section)!.Text;

    private static IEnumerable<string> UnsupervisedDirectForms =>
        Content.Suggestions.Forms.Where(f => f.UnsupervisedDirect).Select(f => PlanWriting.Lower(f.Name));

    private static string SuggestedForms(string block) =>
        block.Split('\n').Single(l => l.StartsWith("Suggested forms: ", StringComparison.Ordinal));

    [Fact]
    public void Finish_DraftsThePlan_KeepsIt_AndSendsItsCards()
    {
        var t = PlanScenarios.CaseA();

        t.ExpectText("here is a draft plan");
        var plan = Assert.Single(t.State.Plans);
        Assert.Equal("Plan for a child aged 2 to 4, started 3 Mar 2025", plan.Title);
        Assert.Equal(PlanSectionIds.All, plan.Sections.Select(s => s.Id));
        Assert.All(plan.Sections, s => Assert.False(s.Edited));
        Assert.Equal(t.State.Consultation!.Id, plan.ConsultationId);
        Assert.NotNull(t.State.Consultation.Completed);
        Assert.Null(t.State.Dialog);

        // The cards show every section exactly as kept, the first with the title, the last with the downloads.
        var cards = t.PlanCards();
        Assert.Equal(plan.Sections.ToDictionary(s => s.Id, s => s.Text), t.SectionTexts());
        Assert.Equal(plan.Title, cards[0].Data["title"]!.GetValue<string>());
        Assert.True(cards[0].Data["showHeader"]!.GetValue<bool>());
        Assert.True(cards[^1].Data["showExport"]!.GetValue<bool>());
        Assert.All(cards.SkipLast(1), c => Assert.False(c.Data["showExport"]!.GetValue<bool>()));
    }

    [Fact]
    public void CaseA_Plan_HoldsTheAnswers_InThePractitionersLabels()
    {
        var t = PlanScenarios.Later(Consultation.ConsultationCaseTests.CaseA());

        var people = Text(t, PlanSectionIds.People);
        Assert.Contains("Older brother (7), foster care (brother or sister living elsewhere)\n", people, StringComparison.Ordinal);
        Assert.Contains("Birth mother\n", people, StringComparison.Ordinal);
        Assert.Contains("Former foster carers\n", people, StringComparison.Ordinal);
        Assert.Contains(
            "The child has a positive relationship with the older brother (7), foster care",
            PlanScenarios.Block(people, "Older brother (7), foster care"));

        var strengths = Text(t, PlanSectionIds.Strengths);
        Assert.Contains("They find letters hard because of literacy difficulties (finds reading and writing hard; would like help with letters).", PlanScenarios.Block(strengths, "Birth mother"));
        Assert.Contains("Identity needs to keep in mind: heritage.", strengths);
        Assert.Contains("The child is aged 2 to 4 and is placed for adoption.", strengths);
        // Plural labels take plural verbs.
        Assert.Contains("The former foster carers accept the adoption", PlanScenarios.Block(strengths, "Former foster carers"));

        var kit = Text(t, PlanSectionIds.KeepingInTouch);
        Assert.StartsWith("Suggested forms: " + Form("sibling-meetings"), SuggestedForms(PlanScenarios.Block(kit, "Older brother (7), foster care")));
        Assert.StartsWith("Suggested forms: " + Form("former-foster-carers"), SuggestedForms(PlanScenarios.Block(kit, "Former foster carers")));
        var mother = SuggestedForms(PlanScenarios.Block(kit, "Birth mother"));
        Assert.Contains(Form("letterbox"), mother);
        Assert.Contains(Form("one-off-meeting"), mother);

        var support = Text(t, PlanSectionIds.Support);
        Assert.Contains("For the birth mother\nSuggested: " + Advice("letter-writing-help"), support);
        Assert.Contains(Advice("fear-reassure"), support);

        Assert.Contains("Keeping in touch with the birth mother could build or keep a relationship", Text(t, PlanSectionIds.Purpose));
        Assert.Contains("Suggested schedule: The first review within 4 weeks of placement", Text(t, PlanSectionIds.Review));

        // Nothing in these answers calls for a risk safeguard or a plan for unplanned contact on social media.
        var all = string.Join("\n", t.State.Plans[0].Sections.Select(s => s.Text));
        Assert.DoesNotContain(Advice("risk-supervised-only"), all);
        Assert.DoesNotContain(Advice("social-media-plan"), all);
        Assert.DoesNotContain("Not suggested", all);
    }

    [Fact]
    public void CaseB_Plan_HasNoUnsupervisedDirectContactWithTheBirthFather_AndSaysWhy()
    {
        var t = PlanScenarios.Later(Consultation.ConsultationCaseTests.CaseB());

        var father = PlanScenarios.Block(Text(t, PlanSectionIds.KeepingInTouch), "Birth father");
        var forms = SuggestedForms(father);
        Assert.All(UnsupervisedDirectForms, form => Assert.DoesNotContain(form, forms));
        Assert.Contains(Form("direct-supervised"), forms);
        Assert.Contains(Form("letterbox"), forms);
        Assert.Contains("Suggested safeguards: " + Advice("risk-supervised-only"), father);
        Assert.Contains("Not suggested while the birth father poses a risk of harm or raises safeguarding concerns: " + Form("direct-supported") + ".", father);

        var grandmother = PlanScenarios.Block(Text(t, PlanSectionIds.KeepingInTouch), "Maternal grandmother");
        Assert.Contains(Form("direct-supported"), SuggestedForms(grandmother));
        Assert.DoesNotContain(Advice("risk-supervised-only"), grandmother);

        // The practitioner's notes, as written, after the point they are about.
        Assert.Contains("The child has a positive relationship with the birth father (remembers good times with him).", Text(t, PlanSectionIds.People));
        var strengths = Text(t, PlanSectionIds.Strengths);
        Assert.Contains("(safeguarding concerns remain)", strengths);
        Assert.Contains("The adoptive parents are anxious about or opposed to keeping in touch (worried about the father finding them).", strengths);
        Assert.Contains("It is not yet clear whether the child has experienced harm from the birth father.", PlanScenarios.Block(strengths, "Birth father"));
        Assert.Contains("They do not accept the adoption.", PlanScenarios.Block(strengths, "Birth father"));

        var support = Text(t, PlanSectionIds.Support);
        Assert.Contains("For the adoptive parents\nSuggested: " + Advice("adopters-training"), support);
        Assert.Contains(Advice("fathers-often-lost"), PlanScenarios.Block(support, "For the birth father"));
        Assert.Contains("A yearly review with the adoption support plan", Text(t, PlanSectionIds.Review));
    }

    [Fact]
    public void CaseC_Plan_SupportsParentingFromADistance_AndPlansForUnplannedContact()
    {
        var t = PlanScenarios.Later(Consultation.ConsultationCaseTests.CaseC());

        var support = Text(t, PlanSectionIds.Support);
        Assert.Contains("Suggested: Support the adoptive parents' parenting from a distance", PlanScenarios.Block(support, "For the adoptive parents"));

        var mother = PlanScenarios.Block(Text(t, PlanSectionIds.KeepingInTouch), "Birth mother");
        Assert.Contains(Advice("social-media-plan"), mother);
        Assert.Contains("Not suggested while it is not yet clear whether the birth mother poses a risk of harm", mother);
        Assert.Contains(Form("digital"), mother.Split('\n').Single(l => l.StartsWith("Not suggested", StringComparison.Ordinal)));
        Assert.All(UnsupervisedDirectForms, form => Assert.DoesNotContain(form, SuggestedForms(mother)));

        var strengths = Text(t, PlanSectionIds.Strengths);
        Assert.Contains("The young person is seeking the birth mother out or is in touch with them outside the plan (has been looking for her on social media).", strengths);
        Assert.Contains("It is not yet clear whether the young person has a positive relationship with the adoptive parents (pushes them away but asks after them).", Text(t, PlanSectionIds.People));
        Assert.Contains("Identity needs to keep in mind: culture.", strengths);
        Assert.Contains("There is conflict between the adults.", strengths);
        Assert.Contains("the young person is back in care", Text(t, PlanSectionIds.Review));
    }

    [Fact]
    public void Arrangements_NotYetAgreed_AreToBeAgreedOnce_NeverInvented()
    {
        foreach (var t in new[] { Consultation.ConsultationCaseTests.CaseA(), Consultation.ConsultationCaseTests.CaseB(), Consultation.ConsultationCaseTests.CaseC() }.Select(PlanScenarios.Later))
        {
            var kit = Text(t, PlanSectionIds.KeepingInTouch);
            Assert.Single(Regex.Matches(kit, "To be agreed"));
            Assert.EndsWith("To be agreed for each person: the form, who is present, how long, how often, where, and who organises or supervises.", kit);
            foreach (var field in new[] { "Who is present:", "How long:", "How often:", "Where:", "Who organises or supervises:" })
            {
                Assert.DoesNotContain(field, kit);
            }

            Assert.EndsWith("To be agreed: when the plan will be reviewed, and what would trigger an earlier review.", Text(t, PlanSectionIds.Review));
        }
    }

    [Fact]
    public void AgreedPlan_NamesFormFrequencyWhoIsPresentAndWhoOrganises_ForEveryPersonAgreed()
    {
        foreach (var t in new[] { PlanScenarios.CaseA(), PlanScenarios.CaseB(), PlanScenarios.CaseC() })
        {
            var c = t.State.Consultation!;
            var kit = Text(t, PlanSectionIds.KeepingInTouch);
            Assert.NotEmpty(c.Arrangements);
            foreach (var agreed in c.Arrangements)
            {
                var block = PlanScenarios.Block(kit, c.People.Single(p => p.Id == agreed.PersonId).Label);
                foreach (var field in new[] { "Form: ", "How often: ", "Who is present: ", "Who organises or supervises: " })
                {
                    Assert.Contains(field, block);
                }

                Assert.DoesNotContain("Suggested forms", block);
                Assert.True(Regex.Matches(block, "To be agreed").Count <= 1, block);
            }
        }

        var b = Text(PlanScenarios.CaseB(), PlanSectionIds.KeepingInTouch);
        Assert.Contains("Form: " + Form("direct-supported") + ". Who is present: the child, the grandmother and the adoptive parents. How long: about two hours. How often: four times a year. Where: a local park. Who organises or supervises: the adoptive parents.", b);
        Assert.Contains("Form: " + Form("letterbox") + ".", PlanScenarios.Block(b, "Birth father"));
        Assert.Contains("How often: once a year.", PlanScenarios.Block(b, "Birth father"));

        // Left to agree later: the suggestions stay, and the rest is to be agreed once.
        var c2 = Text(PlanScenarios.CaseC(), PlanSectionIds.KeepingInTouch);
        Assert.StartsWith("Suggested forms: ", SuggestedForms(PlanScenarios.Block(c2, "Birth mother")));
        Assert.EndsWith("To be agreed for the birth mother: the form, who is present, how long, how often, where, and who organises or supervises.", c2);
    }

    [Fact]
    public void EverySuggestion_IsMarkedAsSuggested()
    {
        foreach (var t in new[] { PlanScenarios.CaseA(), PlanScenarios.CaseB(), PlanScenarios.CaseC(), PlanScenarios.Largest() })
        {
            var lines = t.State.Plans[0].Sections.SelectMany(s => s.Text.Split('\n')).ToList();
            foreach (var advice in Content.Suggestions.Advice)
            {
                Assert.All(lines.Where(l => l.Contains(advice.Text.TrimEnd('.'), StringComparison.Ordinal)),
                    line => Assert.StartsWith("Suggested", line, StringComparison.Ordinal));
            }

            Assert.All(lines.Where(l => l.Contains(" forms: ", StringComparison.Ordinal)), line => Assert.StartsWith("Suggested", line));
        }
    }

    [Fact]
    public void PlanText_IsPlainProse_WithoutMarkdownSymbols()
    {
        foreach (var t in new[] { PlanScenarios.CaseA(), PlanScenarios.CaseB(), PlanScenarios.CaseC(), PlanScenarios.Largest() })
        {
            foreach (var section in t.State.Plans[0].Sections)
            {
                Assert.DoesNotMatch(@"[*#_`•\[\]{}<>|~]|^\s*[-+]\s|\n\s*[-+]\s|\n\n\n", section.Text);
            }
        }
    }

    [Fact]
    public void PrinciplesCheck_SaysWhatTheDraftAddresses_AndWhatIsMissing()
    {
        var b = Text(PlanScenarios.Later(Consultation.ConsultationCaseTests.CaseB()), PlanSectionIds.Principles);
        var relational = b.Split("\n\n").Single(p => p.StartsWith("Relational: ", StringComparison.Ordinal));
        Assert.Contains("Relational: how the adoptive parents get on with the maternal grandmother is recorded.", relational);
        Assert.Contains("Still missing: How the adults get on with each other is not yet known.", relational);
        var quality = b.Split("\n\n").Single(p => p.StartsWith("Quality: ", StringComparison.Ordinal));
        Assert.Contains("Safeguards are suggested where a risk is recorded (the birth father).", quality);
        Assert.Contains("Still missing: The arrangements for each person", quality);
        Assert.Contains("Still missing: The plan does not yet say when it will be reviewed.", b);

        var c = Text(PlanScenarios.CaseC(), PlanSectionIds.Principles);
        Assert.Contains("Child-centred: how the young person's wishes and feelings are known is recorded: the young person has told us. Identity needs to keep in mind are named (culture).", c);
        Assert.Contains("how the adults get on with each other is recorded.", c, StringComparison.OrdinalIgnoreCase);

        var none = string.Join("\n\n", PlanDrafter.Draft(Content, PlanScenarios.NoPeople()).Select(s => s.Text));
        Assert.Contains("Still missing: The child cannot yet say what they want", none);
        Assert.Contains("No one is listed as important to the child yet: to be agreed.", none);
        Assert.Contains("No one is listed as important to the child yet.", none);
        foreach (var principle in Content.Suggestions.Principles)
        {
            Assert.Contains(principle.Text.Split(':')[0] + ": ", none);
        }
    }

    [Fact]
    public void NoPeople_DraftsEverySection_SayingWhatIsForThePractitionerToComplete()
    {
        var sections = PlanDrafter.Draft(Content, PlanScenarios.NoPeople());
        Assert.Equal(PlanSectionIds.All, sections.Select(s => s.Id));
        Assert.All(sections, s => Assert.False(string.IsNullOrWhiteSpace(s.Text)));
        Assert.Contains("nothing to arrange: to be agreed", sections.Single(s => s.Id == PlanSectionIds.KeepingInTouch).Text);
        Assert.Contains("authority to place", sections.Single(s => s.Id == PlanSectionIds.Review).Text);
    }

    [Fact]
    public void LabelsThatLookLikePlaceholders_AreKeptAsTyped()
    {
        var t = new Transcript().StartConsultation().AnswerChild("5-10", "placed", "said")
            .ListPeople(("sibling-apart", "Sister {label} (9)"))
            .AnswerFactors(new A("child-positive", "yes", "Plays {purposes} games"))
            .AnswerFactors()
            .Finish();
        Assert.Contains("Keeping in touch with the sister {label} (9) could", Text(t, PlanSectionIds.Purpose));
        Assert.Contains("(plays {purposes} games)", Text(t, PlanSectionIds.People));
    }
}
