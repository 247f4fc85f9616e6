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

    private static string Form(string id) => PlanWriting.InSentence(Content.Form(id).Name);

    private static string Advice(string id) => Content.Advice(id);

    private static string Text(Transcript t, string section) => t.State.Plans[0].Section(section)!.Text;

    private static IEnumerable<string> UnsupervisedDirectForms =>
        Content.Suggestions.Forms.Where(f => f.UnsupervisedDirect).Select(f => PlanWriting.InSentence(f.Name));

    private static string SuggestedForms(string block) =>
        block.Split('\n').Single(l => l.StartsWith("Form: to be agreed.", StringComparison.Ordinal));

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
        var t = PlanScenarios.CaseA();

        var people = Text(t, PlanSectionIds.People);
        foreach (var label in new[] { "Birth mother", "Older brother (7), foster care", "Former foster carers" })
        {
            Assert.Contains(label + "\n", people, StringComparison.Ordinal);
        }

        Assert.Contains("Relationship: brother or sister living elsewhere.", PlanScenarios.Block(people, "Older brother (7), foster care"));
        Assert.Contains("The child asks about this person or wants to stay in touch (yes).", PlanScenarios.Block(people, "Older brother (7), foster care"));

        var strengths = Text(t, PlanSectionIds.Strengths);
        Assert.Contains("Has literacy difficulties that make letters hard (yes; note: Finds reading and writing hard; would like help with letters).", strengths);
        Assert.Contains("Identity needs to keep in mind: heritage.", strengths);
        Assert.Contains("Where the child is in their journey: Placed for adoption.", strengths);

        var kit = Text(t, PlanSectionIds.KeepingInTouch);
        Assert.StartsWith("Form: to be agreed. Suggested for consideration: " + Form("sibling-meetings"), SuggestedForms(PlanScenarios.Block(kit, "Older brother (7), foster care")));
        Assert.StartsWith("Form: to be agreed. Suggested for consideration: " + Form("former-foster-carers"), SuggestedForms(PlanScenarios.Block(kit, "Former foster carers")));
        var mother = SuggestedForms(PlanScenarios.Block(kit, "Birth mother"));
        Assert.Contains(Form("letterbox"), mother);
        Assert.Contains(Form("one-off-meeting"), mother);

        var support = Text(t, PlanSectionIds.Support);
        Assert.Contains("Birth mother\nSuggested: " + Advice("letter-writing-help"), support);
        Assert.Contains(Advice("fear-reassure"), support);

        Assert.Contains("Birth mother: suggested purposes:", Text(t, PlanSectionIds.Purpose));
        Assert.Contains("the first review within 4 weeks of placement", Text(t, PlanSectionIds.Review));

        // Nothing in these answers calls for a risk safeguard or a plan for unplanned contact on social media.
        var all = string.Join("\n", t.State.Plans[0].Sections.Select(s => s.Text));
        Assert.DoesNotContain(Advice("risk-supervised-only"), all);
        Assert.DoesNotContain(Advice("social-media-plan"), all);
        Assert.DoesNotContain("Not suggested", all);
    }

    [Fact]
    public void CaseB_Plan_HasNoUnsupervisedDirectContactWithTheBirthFather_AndSaysWhy()
    {
        var t = PlanScenarios.CaseB();

        var father = PlanScenarios.Block(Text(t, PlanSectionIds.KeepingInTouch), "Birth father");
        var forms = SuggestedForms(father);
        Assert.All(UnsupervisedDirectForms, form => Assert.DoesNotContain(form, forms));
        Assert.Contains(Form("direct-supervised"), forms);
        Assert.Contains(Form("letterbox"), forms);
        Assert.Contains("Suggested safeguard: " + Advice("risk-supervised-only"), father);
        Assert.Contains(
            "Not suggested, given the answers: " + Form("direct-supported") + " (because: Poses a risk of harm, or there are safeguarding concerns — yes",
            father);

        var grandmother = PlanScenarios.Block(Text(t, PlanSectionIds.KeepingInTouch), "Maternal grandmother");
        Assert.Contains(Form("direct-supported"), SuggestedForms(grandmother));
        Assert.DoesNotContain(Advice("risk-supervised-only"), grandmother);

        // The practitioner's notes, word for word.
        var strengths = Text(t, PlanSectionIds.Strengths);
        Assert.Contains("(yes; note: Remembers good times with him)", strengths);
        Assert.Contains("Poses a risk of harm, or there are safeguarding concerns (yes; note: Safeguarding concerns remain).", strengths);
        Assert.Contains("Are anxious about, or opposed to, keeping in touch (yes; note: Worried about the father finding them).", strengths);
        Assert.Contains("The child has experienced harm from this person (not sure).", PlanScenarios.Block(strengths, "The child, in relation to Birth father"));

        var support = Text(t, PlanSectionIds.Support);
        Assert.Contains("For the adoptive parents\nSuggested: " + Advice("adopters-training"), support);
        Assert.Contains(Advice("fathers-often-lost"), PlanScenarios.Block(support, "For the birth relatives and other important people"));
        Assert.Contains("after the adoption order, review keeping in touch with the adoption support plan", Text(t, PlanSectionIds.Review));
    }

    [Fact]
    public void CaseC_Plan_SupportsParentingFromADistance_AndPlansForUnplannedContact()
    {
        var t = PlanScenarios.CaseC();

        var support = Text(t, PlanSectionIds.Support);
        Assert.Contains(Advice("adoptive-parents-distance"), PlanScenarios.Block(support, "For the adoptive parents"));

        var mother = PlanScenarios.Block(Text(t, PlanSectionIds.KeepingInTouch), "Birth mother");
        Assert.Contains("Suggested safeguard: " + Advice("social-media-plan"), mother);
        Assert.Contains("Not suggested, given the answers: " + Form("digital"), mother);
        Assert.All(UnsupervisedDirectForms, form => Assert.DoesNotContain(form, SuggestedForms(mother)));

        var strengths = Text(t, PlanSectionIds.Strengths);
        Assert.Contains("(yes; note: Has been looking for her on social media)", strengths);
        Assert.Contains("(not sure; note: Pushes them away but asks after them)", strengths);
        Assert.Contains("Identity needs to keep in mind: culture.", strengths);
        Assert.Contains("There is low conflict between the adults (no).", strengths);
        Assert.Contains("while the child is back in care", Text(t, PlanSectionIds.Review));
    }

    [Fact]
    public void Arrangements_TheConsultationDidNotAskAbout_AreToBeAgreed_NeverInvented()
    {
        foreach (var t in new[] { PlanScenarios.CaseA(), PlanScenarios.CaseB(), PlanScenarios.CaseC() })
        {
            var kit = Text(t, PlanSectionIds.KeepingInTouch);
            foreach (var person in t.State.Consultation!.People)
            {
                var block = PlanScenarios.Block(kit, person.Label);
                foreach (var field in new[] { "Who is present", "How long", "How often", "Where", "Who organises or supervises" })
                {
                    // Exactly one line for each, and it says only that it is to be agreed.
                    Assert.Equal(field + ": to be agreed.", Assert.Single(block.Split('\n'), l => l.StartsWith(field + ":", StringComparison.Ordinal)));
                }
            }

            Assert.StartsWith("When the plan will be reviewed: to be agreed.", Text(t, PlanSectionIds.Review).Split("\n\n")[1]);
        }
    }

    [Fact]
    public void Strengths_MentionOnlyPointsThatWereAnswered()
    {
        foreach (var t in new[] { PlanScenarios.CaseA(), PlanScenarios.CaseB(), PlanScenarios.CaseC() })
        {
            var c = t.State.Consultation!;
            var strengths = Text(t, PlanSectionIds.Strengths);
            foreach (var person in c.People)
            {
                foreach (var (group, title) in new[] { ("child", $"The child, in relation to {person.Label}"), ("person", person.Label) })
                {
                    var block = PlanScenarios.Block(strengths, title);
                    foreach (var factor in Content.FactorsIn(group))
                    {
                        var answer = person.Answers.GetValueOrDefault(factor.Id);
                        var given = answer is not null && (answer.Answer != FactorAnswerValue.Unknown || answer.Note is not null);
                        Assert.True(given == block.Contains(factor.Text + " (", StringComparison.Ordinal), $"{person.Label}: '{factor.Text}' given={given}");
                    }
                }
            }
        }
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

            Assert.All(lines.Where(l => l.StartsWith("Form:", StringComparison.Ordinal)), line => Assert.StartsWith("Form: to be agreed.", line));
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
        var b = Text(PlanScenarios.CaseB(), PlanSectionIds.Principles);
        var relational = PlanScenarios.Block(b, "Relational: considers the relationships between the people involved.");
        Assert.Contains("Addressed: How the adoptive parents get on with Maternal grandmother is recorded.", relational);
        Assert.Contains("Still missing: How the adults get on with each other is not yet known.", relational);
        var quality = PlanScenarios.Block(b, "Quality: lets the child keep in touch in ways that are safe and meaningful.");
        Assert.Contains("Safeguards are suggested where a risk is recorded (Birth father).", quality);
        Assert.Contains("Still missing: Who is present, how long, how often, where, and who organises or supervises are still to be agreed", quality);
        Assert.Contains("Still missing: When the plan will be reviewed is still to be agreed.", b);

        var c = Text(PlanScenarios.CaseC(), PlanSectionIds.Principles);
        Assert.Contains("Addressed: How the child's wishes and feelings are known is recorded: the child has told us. Identity needs to keep in mind are named (culture).", c);
        Assert.Contains("Addressed: How the adults get on with each other is recorded.", c);

        var none = string.Join("\n\n", PlanDrafter.Draft(Content, PlanScenarios.NoPeople()).Select(s => s.Text));
        Assert.Contains("Still missing: The child cannot yet say what they want", none);
        Assert.Contains("No one is listed as important to the child yet; for the practitioner to complete.", none);
        Assert.Contains("No one is listed as important to the child yet.", none);
        foreach (var principle in Content.Suggestions.Principles)
        {
            Assert.Contains(principle.Text + ".\nAddressed: ", none);
        }
    }

    [Fact]
    public void NoPeople_DraftsEverySection_SayingWhatIsForThePractitionerToComplete()
    {
        var sections = PlanDrafter.Draft(Content, PlanScenarios.NoPeople());
        Assert.Equal(PlanSectionIds.All, sections.Select(s => s.Id));
        Assert.All(sections, s => Assert.False(string.IsNullOrWhiteSpace(s.Text)));
        Assert.Contains("for the practitioner to complete", sections.Single(s => s.Id == PlanSectionIds.KeepingInTouch).Text);
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
        Assert.Contains("Sister {label} (9): suggested purposes:", Text(t, PlanSectionIds.Purpose));
        Assert.Contains("(yes; note: Plays {purposes} games)", Text(t, PlanSectionIds.Strengths));
    }
}
