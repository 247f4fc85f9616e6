using System.Text.RegularExpressions;
using KitBot.Dialogs.Consultation;
using KitBot.Dialogs.Content;
using KitBot.Dialogs.Content.Model;
using KitBot.Dialogs.Plans;
using KitBot.Dialogs.Tests.Support;
using Xunit.Abstractions;

namespace KitBot.Dialogs.Tests.Plans;

/// <summary>
/// The drafted plan reads as record prose (PLAN-WRITING.md): findings rather than questions, short sentences,
/// sections of a readable length, "the child" or "the young person" by age, and "To be agreed" once.
/// </summary>
public sealed partial class PlanProseTests(ITestOutputHelper output)
{
    private static readonly PracticeContent Content = PracticeContent.Default;

    /// <summary>The plan as it would be pasted: each section's heading, then its text.</summary>
    internal static string Whole(Transcript t) =>
        string.Join("\n\n", t.State.Plans[0].Sections.Select(s => Content.Plan.Sections.First(x => x.Id == s.Id).Heading + "\n" + s.Text));

    internal static int Words(string text) => WordPattern().Matches(text).Count;

    internal static IEnumerable<(string Name, Transcript Plan)> Cases() =>
    [
        ("a", PlanScenarios.CaseA()),
        ("b", PlanScenarios.CaseB()),
        ("c", PlanScenarios.CaseC()),
        ("d", Consultation.PracticeCaseTests.CaseD().Finish()),
        ("e", Consultation.PracticeCaseTests.CaseE().Finish()),
        ("f", Consultation.PracticeCaseTests.CaseF().Finish()),
        ("g", Consultation.PracticeCaseTests.CaseG().Finish()),
    ];

    [Fact]
    public void CaseB_Plan_PrintedInFull_IsWithin900Words()
    {
        var t = PlanScenarios.CaseB();
        var plan = Whole(t);
        output.WriteLine(plan);
        output.WriteLine("\n----- case a\n" + Whole(PlanScenarios.CaseA()) + "\n----- case c\n" + Whole(PlanScenarios.CaseC()));
        output.WriteLine("\n----- case d\n" + Whole(Consultation.PracticeCaseTests.CaseD().Finish()) + "\n----- case e\n" + Whole(Consultation.PracticeCaseTests.CaseE().Finish()));
        output.WriteLine($"({Words(plan)} words)");
        Assert.True(Words(plan) <= 900, $"{Words(plan)} words");
    }

    [Fact]
    public void EverySection_HasShortSentences_AndAReadableLength()
    {
        foreach (var (name, t) in Cases())
        {
            var people = Math.Max(1, t.State.Consultation!.People.Count);
            foreach (var section in t.State.Plans[0].Sections)
            {
                var sentences = SentenceEnd().Split(section.Text).Where(s => Words(s) > 0).ToList();
                var average = sentences.Average(Words);
                Assert.True(average < 30, $"case {name}, {section.Id}: {average:0.0} words a sentence on average");
                Assert.True(Words(section.Text) <= 250 * people, $"case {name}, {section.Id}: {Words(section.Text)} words for {people} people");
            }
        }
    }

    [Fact]
    public void NoQuestion_IsRepeated_AndNoAnswerIsShownInBrackets()
    {
        foreach (var (name, t) in Cases())
        {
            var plan = Whole(t);
            foreach (var factor in Content.Factors.Factors)
            {
                Assert.DoesNotContain(factor.Text, plan, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("this person", plan, StringComparison.OrdinalIgnoreCase);

            Assert.DoesNotMatch(@"\((yes|no|not sure|not known)[;)]", plan);
            Assert.False(plan.Contains("(no)", StringComparison.Ordinal), $"case {name}");
        }
    }

    [Fact]
    public void StrengthsAnsweredNo_AreNeverSaidAsStrengths()
    {
        foreach (var (name, t) in Cases())
        {
            var c = t.State.Consultation!;
            var plan = Whole(t);
            foreach (var person in c.People)
            {
                foreach (var (id, answer) in person.Answers.Where(a => a.Value.Answer == FactorAnswerValue.No))
                {
                    var factor = Content.Factor(id);
                    var voice = new PlanVoice(Content, c);
                    var finding = voice.Subject(factor, person) + " " + voice.Fill(factor.Finding, person);
                    Assert.False(plan.Contains(finding.Trim(), StringComparison.OrdinalIgnoreCase), $"case {name}: '{finding}' was answered no");
                }
            }
        }
    }

    [Fact]
    public void ToBeAgreed_IsSaidOncePerSection_AtMost()
    {
        foreach (var (name, t) in Cases())
        {
            foreach (var section in t.State.Plans[0].Sections)
            {
                var count = Regex.Matches(section.Text, "to be agreed", RegexOptions.IgnoreCase).Count;
                // Once in a section, or once for each person in the sections written person by person.
                var allowed = section.Id is PlanSectionIds.Purpose or PlanSectionIds.KeepingInTouch ? t.State.Consultation!.People.Count : 1;
                Assert.True(count <= allowed, $"case {name}, {section.Id}: {count}");
            }
        }
    }

    [Fact]
    public void TheChild_Under11_TheYoungPerson_From11()
    {
        var b = Whole(PlanScenarios.CaseB());
        Assert.Contains("The child ", b);
        Assert.DoesNotContain("young person", b, StringComparison.OrdinalIgnoreCase);

        var c = Whole(PlanScenarios.CaseC());
        Assert.Contains("The young person ", c);
        Assert.DoesNotContain("the child ", c, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AChildUnder11_IsNeverTheYoungPerson_EvenInSocialMediaAdvice_AndAYoungPersonIsNeverTheChild()
    {
        var t = new Transcript().StartConsultation().AnswerChild("5-10", "adopted", "said").ListPeople(("birth-mother", "Birth mother"));
        Assert.Contains(t.LastCard.Data["sections"]!.AsArray().SelectMany(x => x!["factors"]!.AsArray()), f => f!["text"]!.GetValue<string>().StartsWith("The child ", StringComparison.Ordinal));
        t.AnswerFactors(new A("child-seeking", "yes"), new A("person-risk", "no")).AnswerFactors();
        var mother = t.SummaryPerson("Birth mother");
        Assert.Contains(mother.Texts("safeguards"), s => s.Contains("agree with the child, their carers", StringComparison.Ordinal));
        t.Finish();
        Assert.DoesNotContain("young person", Whole(t), StringComparison.OrdinalIgnoreCase);

        var young = new Transcript().StartConsultation().AnswerChild("14-15", "adopted", "said").ListPeople(("birth-mother", "Birth mother"));
        Assert.Contains(young.LastCard.Data["sections"]!.AsArray().SelectMany(x => x!["factors"]!.AsArray()), f => f!["text"]!.GetValue<string>().StartsWith("The young person ", StringComparison.Ordinal));
        young.AnswerFactors(new A("child-seeking", "yes"), new A("person-risk", "no")).AnswerFactors().Finish();
        Assert.DoesNotContain("the child", Whole(young).Replace("the child's", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void NotKnownPoints_AreGatheredOnce_PerPerson_AsStillToFindOut()
    {
        var strengths = PlanScenarios.CaseB().State.Plans[0].Section(PlanSectionIds.Strengths)!.Text;
        var father = PlanScenarios.Block(strengths, "Birth father");
        Assert.Single(Regex.Matches(father, "Still to find out: "));
        Assert.Contains("Still to find out: whether the child is frightened or distressed by contact with the birth father", father);
        Assert.Contains("and whether they are reliable and have kept to arrangements.", father);
        // Not sure is said as such.
        Assert.Contains("It is not yet clear whether the child has experienced harm from the birth father.", father);
        Assert.Contains("The birth father poses a risk of harm or raises safeguarding concerns (safeguarding concerns remain). They oppose the placement or could undermine it. They do not accept the adoption.", father);
    }

    [Fact]
    public void SectionText_StartsWithItsOwnContent_NotBoilerplate()
    {
        foreach (var (_, t) in Cases())
        {
            var sections = t.State.Plans[0].Sections;
            var openings = sections.Select(s => s.Text.Split('\n')[0]).ToList();
            Assert.All(Content.Plan.Sections.Where(s => s.Intro is not null), s => Assert.DoesNotContain(openings, o => o.StartsWith(s.Intro!, StringComparison.Ordinal)));
            Assert.All(sections, s => Assert.DoesNotContain("see above", s.Text, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void AgreedArrangements_NameFormFrequencyPresentAndOrganiser_AndSayToBeAgreedOnceForTheRest()
    {
        var c = PlanScenarios.CaseB().State.Consultation!;
        var father = c.People.Single(p => p.Label == "Birth father");
        var grandmother = c.People.Single(p => p.Label == "Maternal grandmother");
        var agreed = c with
        {
            Arrangements =
            [
                new PersonArrangement
                {
                    PersonId = grandmother.Id, Forms = ["direct-supported"], Present = "the child, the grandmother and the adoptive parents",
                    Duration = "about two hours", Frequency = "four times a year", Venue = "a local park", Organiser = "the adoptive parents",
                    Support = "reassurance and examples on what to say",
                },
                new PersonArrangement { PersonId = father.Id, Forms = ["letterbox"], Frequency = "once a year", Organiser = "the letterbox service" },
            ],
            Review = new ReviewChoice { When = "within four weeks of placement, then every six months", Triggers = "the child's response to letters changes" },
        };

        var sections = PlanDrafter.Draft(Content, agreed).ToDictionary(s => s.Id, s => s.Text);
        var kit = sections[PlanSectionIds.KeepingInTouch];
        output.WriteLine(kit);
        var gran = PlanScenarios.Block(kit, "Maternal grandmother");
        Assert.Contains("Form: direct meetings supported by the adoptive parents or carers.", gran);
        Assert.Contains("How often: four times a year.", gran);
        Assert.Contains("Who is present: the child, the grandmother and the adoptive parents.", gran);
        Assert.Contains("Who organises or supervises: the adoptive parents.", gran);
        Assert.DoesNotContain("To be agreed", gran);

        var dad = PlanScenarios.Block(kit, "Birth father");
        Assert.Contains("Form: " + PlanWriting.Lower(Content.Form("letterbox").Name) + ".", dad);
        Assert.Contains("How often: once a year.", dad);
        Assert.Single(Regex.Matches(dad, "To be agreed"));
        Assert.Contains("To be agreed: who is present, how long and where.", dad);
        Assert.DoesNotContain("Suggested forms", kit);

        Assert.Contains("For the maternal grandmother\nReassurance and examples on what to say.", sections[PlanSectionIds.Support]);
        var review = sections[PlanSectionIds.Review];
        Assert.StartsWith("When the plan will be reviewed: within four weeks of placement, then every six months.\nWhat would trigger an earlier review: the child's response to letters changes.", review);
        Assert.DoesNotContain("To be agreed", review);
        Assert.DoesNotContain("Still missing: The arrangements", sections[PlanSectionIds.Principles]);
    }

    [GeneratedRegex(@"[\p{L}\p{N}'’-]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"(?<=[.!?])\s+|\n+")]
    private static partial Regex SentenceEnd();
}
