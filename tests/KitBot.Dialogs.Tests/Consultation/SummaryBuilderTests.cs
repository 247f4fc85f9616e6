using KitBot.Dialogs.Consultation;
using KitBot.Dialogs.Content;
using KitBot.Dialogs.Content.Model;

namespace KitBot.Dialogs.Tests.Consultation;

/// <summary>
/// The precedence the issue requires, checked for every relationship, journey stage and age band, with every other
/// answer set to make as many suggestions as possible: the rules cannot be outvoted by another rule.
/// </summary>
public sealed class SummaryBuilderTests
{
    private static readonly PracticeContent Content = PracticeContent.Default;

    public static TheoryData<string, string, string> EveryRelationshipJourneyAndAge()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var relationship in Content.Consultation.Relationships)
        {
            foreach (var journey in Content.Consultation.JourneyStages)
            {
                foreach (var age in Content.Consultation.AgeBands)
                {
                    data.Add(relationship.Id, journey.Id, age.Id);
                }
            }
        }

        return data;
    }

    /// <summary>A consultation with one person, every per-person factor answered <paramref name="others"/> except those given.</summary>
    private static PersonSummary Summarise(string relationship, string journey, string age, FactorAnswerValue others, params (string Factor, FactorAnswerValue Answer)[] answers)
    {
        var given = answers.ToDictionary(a => a.Factor, a => a.Answer);
        var person = new ImportantPerson
        {
            Id = "p1",
            Relationship = relationship,
            Label = "Person",
            Answers = Content.Factors.Factors
                .Where(f => FactorGroups.IsPerPerson(f.Group))
                .ToDictionary(f => f.Id, f => new FactorAnswer(given.GetValueOrDefault(f.Id, others))),
        };
        var c = new ConsultationState
        {
            Id = "c-1",
            Step = ConsultationStep.Summary,
            Child = new ChildAnswers { AgeBand = age, Journey = journey, Wishes = "said", IdentityNeeds = ["heritage"] },
            People = [person],
        };
        return SummaryBuilder.Build(Content, c).People.Single();
    }

    private static IEnumerable<ContactForm> Forms(PersonSummary s) => s.Forms.Select(f => Content.Form(f.Id));

    [Theory]
    [MemberData(nameof(EveryRelationshipJourneyAndAge))]
    public void ARecordedRisk_NeverLeadsToUnsupervisedDirectContact(string relationship, string journey, string age)
    {
        foreach (var risk in new[] { FactorAnswerValue.Yes, FactorAnswerValue.Unsure })
        {
            var fromPerson = Summarise(relationship, journey, age, FactorAnswerValue.Yes, ("person-risk", risk), ("child-harmed", FactorAnswerValue.No));
            Assert.DoesNotContain(Forms(fromPerson), f => f.UnsupervisedDirect);
            Assert.Contains(fromPerson.Safeguards, s => s.Id == "risk-supervised-only");

            var harmed = Summarise(relationship, journey, age, FactorAnswerValue.Yes, ("person-risk", FactorAnswerValue.No), ("child-harmed", risk));
            Assert.DoesNotContain(Forms(harmed), f => f.UnsupervisedDirect);
        }
    }

    [Theory]
    [MemberData(nameof(EveryRelationshipJourneyAndAge))]
    public void TheOtherRules_HoldWhereverTheyApply(string relationship, string journey, string age)
    {
        var noRisk = Summarise(relationship, journey, age, FactorAnswerValue.Yes,
            ("person-risk", FactorAnswerValue.No), ("child-harmed", FactorAnswerValue.No), ("person-protect", FactorAnswerValue.No));

        if (relationship == "sibling-apart")
        {
            Assert.Equal("sibling-meetings", noRisk.Forms[0].Id);
        }

        if (relationship == "former-foster-carer")
        {
            Assert.Equal("former-foster-carers", noRisk.Forms[0].Id);
        }

        if (Content.Factor("person-literacy").AppliesTo(relationship))
        {
            Assert.Contains(noRisk.Support, s => s.Id == "letter-writing-help");
        }

        Assert.Contains(noRisk.Safeguards, s => s.Id == "social-media-plan");
    }

    [Fact]
    public void SocialMediaPlan_OnlyWhereUnplannedContactArises()
    {
        var quiet = Summarise("birth-mother", "placed", "5-10", FactorAnswerValue.Unknown, ("person-boundaries", FactorAnswerValue.Yes));
        Assert.DoesNotContain(quiet.Safeguards, s => s.Id == "social-media-plan");

        var seeking = Summarise("birth-mother", "placed", "14-15", FactorAnswerValue.Unknown, ("child-seeking", FactorAnswerValue.Yes));
        var plan = Assert.Single(seeking.Safeguards, s => s.Id == "social-media-plan");
        Assert.Contains(plan.Because, b => b.EndsWith("— yes", StringComparison.Ordinal) && b.Contains("social media", StringComparison.Ordinal));
    }

    [Fact]
    public void RiskNotKnown_AsksForItToBeEstablished_WithoutRulingOutContact()
    {
        var s = Summarise("grandparent", "adopted", "5-10", FactorAnswerValue.Unknown, ("child-positive", FactorAnswerValue.Yes));
        Assert.Contains(s.Safeguards, x => x.Id == "risk-not-known");
        Assert.Contains(s.Forms, f => f.Id == "direct-supported");
    }

    [Fact]
    public void VeryYoungChildren_AreNotOfferedVideoCalls()
    {
        var s = Summarise("adoptive-parents", "back-in-care", "under-2", FactorAnswerValue.Unknown);
        Assert.DoesNotContain(s.Forms, f => f.Id == "digital");
        Assert.Contains(s.NotSuggested, f => f.Id == "digital");
    }
}
