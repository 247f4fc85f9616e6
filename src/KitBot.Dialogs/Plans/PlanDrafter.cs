using System.Globalization;
using KitBot.Dialogs.Consultation;
using KitBot.Dialogs.Content;
using KitBot.Dialogs.Content.Model;
using M = KitBot.Dialogs.Content.PlanMessageKeys;

namespace KitBot.Dialogs.Plans;

/// <summary>
/// Drafts a plan's seven sections from a finished consultation and the practice content: a pure function of the
/// answers. The text is plain prose in the practitioner's own labels and notes. It states only what was answered;
/// suggestions from the rules are marked as suggestions; anything the consultation did not ask about (who is
/// present, how long, how often, where, who organises, when to review) is "to be agreed", never made up.
/// </summary>
internal static class PlanDrafter
{
    /// <summary>The arrangement (plan.json) whose line lists the forms suggested for a person.</summary>
    public const string FormArrangement = "form";

    private const string Paragraph = "\n\n";

    /// <summary>The sections' text, in the order of <see cref="PlanSectionIds.All"/>.</summary>
    public static IReadOnlyList<PlanSection> Draft(PracticeContent content, ConsultationState consultation)
    {
        var draft = new Writer(content, consultation, SummaryBuilder.Build(content, consultation));
        return PlanSectionIds.All.Select(id => new PlanSection
        {
            Id = id,
            Text = string.Join(Paragraph, new[] { Intro(content, id) }.Concat(draft.Body(id)).Where(p => p.Length > 0)),
        }).ToList();
    }

    /// <summary>"Plan for a child aged 2 to 4, started 3 Mar 2025", the date in the practitioner's time zone when known.</summary>
    public static string Title(PracticeContent content, ConsultationState consultation, string? timeZone)
    {
        var age = content.Consultation.AgeBands.FirstOrDefault(a => a.Id == consultation.Child?.AgeBand)?.Text ?? "?";
        return content.Plan.Title
            .Replace("{age}", PlanWriting.InSentence(age), StringComparison.Ordinal)
            .Replace("{date}", Date(consultation.Started, timeZone), StringComparison.Ordinal);
    }

    /// <summary>A day as the plan writes it, for example "3 Mar 2025".</summary>
    public static string Date(DateTimeOffset when, string? timeZone)
    {
        // Europe/London is KitBot's default time zone (DESIGN.md); a zone this machine does not know falls back to UTC.
        var local = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone ?? "Europe/London", out var zone)
            ? TimeZoneInfo.ConvertTime(when, zone)
            : when.ToUniversalTime();
        return local.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
    }

    private static string Intro(PracticeContent content, string section) =>
        content.Plan.Sections.First(s => s.Id == section).Intro;

    /// <summary>One consultation's answers and suggestions, written out section by section.</summary>
    private sealed class Writer(PracticeContent content, ConsultationState c, ConsultationSummary summary)
    {
        private readonly HashSet<string> _reviewAdvice = [.. content.Plan.ReviewAdvice];

        public IEnumerable<string> Body(string section) => section switch
        {
            PlanSectionIds.Purpose => Purpose(),
            PlanSectionIds.People => People(),
            PlanSectionIds.Strengths => Strengths(),
            PlanSectionIds.KeepingInTouch => KeepingInTouch(),
            PlanSectionIds.Support => Support(),
            PlanSectionIds.Review => Review(),
            _ => Principles(),
        };

        private string Say(string key, params (string Name, object Value)[] values) => content.PlanMessage(key, values);

        private string And(IReadOnlyList<string> items) => PlanWriting.List(items, Say(M.TextAnd));

        private static string Lines(params IEnumerable<string>[] lines) => string.Join('\n', lines.SelectMany(l => l).Where(l => l.Length > 0));

        private IEnumerable<string> Purpose()
        {
            if (summary.People.Count == 0)
            {
                yield return Say(M.PeopleNone);
            }

            foreach (var person in summary.People)
            {
                yield return person.Purposes.Count == 0
                    ? Say(M.PurposeNone, ("label", person.Person.Label))
                    : Say(M.PurposePerson, ("label", person.Person.Label), ("purposes", string.Join("; ", person.Purposes.Select(p => PlanWriting.InSentence(p.Text)))));
            }
        }

        private IEnumerable<string> People()
        {
            if (summary.People.Count == 0)
            {
                yield return Say(M.PeopleNone);
            }

            foreach (var person in summary.People)
            {
                // Why a person matters, in the practitioner's answers: the child's strengths in relation to them.
                var why = Answered(person.Person.Answers, FactorGroups.Child, FactorKind.Strength, person.Person.Relationship, positiveOnly: true);
                yield return Lines(
                    [person.Person.Label],
                    [Say(M.PeopleRelationship, ("relationship", PlanWriting.InSentence(person.Relationship)))],
                    [why.Count == 0 ? Say(M.PeopleWhyUnknown) : Say(M.PeopleWhy, ("answers", string.Join(" ", why)))]);
            }

            foreach (var warning in summary.Warnings)
            {
                yield return Say(M.TextSuggested, ("text", warning));
            }
        }

        private IEnumerable<string> Strengths()
        {
            yield return Child();
            foreach (var person in c.People)
            {
                foreach (var group in new[] { FactorGroups.Child, FactorGroups.Person })
                {
                    yield return Group(content.Group(group).Title.Replace("{label}", person.Label, StringComparison.Ordinal), person.Answers, group, person.Relationship);
                }
            }

            yield return Group(content.Group(FactorGroups.Adopters).Title, c.Adopters, FactorGroups.Adopters, null);
            yield return Group(content.Group(FactorGroups.Adults).Title, c.Adults, FactorGroups.Adults, null);
        }

        private string Child()
        {
            if (c.Child is not { } child)
            {
                return Say(M.StrengthsChild);
            }

            var consultation = content.Consultation;
            string Option(IReadOnlyList<ContentOption> options, string id) => options.FirstOrDefault(o => o.Id == id)?.Text ?? id;
            var needs = consultation.IdentityNeeds.Where(n => child.IdentityNeeds.Contains(n.Id)).Select(n => PlanWriting.InSentence(n.Text)).ToList();
            return Lines(
                [Say(M.StrengthsChild)],
                [Say(M.StrengthsAge, ("value", PlanWriting.InSentence(Option(consultation.AgeBands, child.AgeBand))))],
                [Say(M.StrengthsJourney, ("value", Option(consultation.JourneyStages, child.Journey)))],
                [Say(M.StrengthsWishes, ("value", Option(consultation.WishesKnown, child.Wishes)))],
                [needs.Count == 0 ? Say(M.StrengthsIdentityNone) : Say(M.StrengthsIdentity, ("value", And(needs)))],
                [child.Note is { Length: > 0 } note ? Say(M.StrengthsNote, ("note", note)) : string.Empty]);
        }

        private string Group(string title, IReadOnlyDictionary<string, FactorAnswer> answers, string group, string? relationship)
        {
            string Line(string key, FactorKind kind)
            {
                var answered = Answered(answers, group, kind, relationship, positiveOnly: false);
                return Say(key, ("answers", answered.Count == 0 ? Say(M.StrengthsNone) : string.Join(" ", answered)));
            }

            return Lines([title], [Line(M.StrengthsStrengths, FactorKind.Strength)], [Line(M.StrengthsChallenges, FactorKind.Challenge)]);
        }

        /// <summary>
        /// The points of one kind in a group that were answered (or carry a note), each as "point (answer; note: ...)",
        /// in the order factors.json asks them. Not known without a note says nothing, so it is left out.
        /// </summary>
        private List<string> Answered(
            IReadOnlyDictionary<string, FactorAnswer> answers, string group, FactorKind kind, string? relationship, bool positiveOnly)
        {
            var lines = new List<string>();
            foreach (var factor in content.FactorsIn(group).Where(f => f.Kind == kind && (relationship is null || f.AppliesTo(relationship))))
            {
                if (answers.GetValueOrDefault(factor.Id) is not { } answer
                    || (answer.Answer == FactorAnswerValue.Unknown && string.IsNullOrWhiteSpace(answer.Note))
                    || (positiveOnly && answer.Answer is not (FactorAnswerValue.Yes or FactorAnswerValue.Unsure)))
                {
                    continue;
                }

                var said = content.AnswerText(FactorsStep.Wire(answer.Answer));
                lines.Add(string.IsNullOrWhiteSpace(answer.Note)
                    ? Say(M.TextAnswer, ("factor", factor.Text), ("answer", said))
                    : Say(M.TextAnswerNote, ("factor", factor.Text), ("answer", said), ("note", answer.Note.Trim())));
            }

            return lines;
        }

        private IEnumerable<string> KeepingInTouch()
        {
            if (summary.People.Count == 0)
            {
                yield return Say(M.KitNone);
            }

            foreach (var person in summary.People)
            {
                var arrangements = content.Plan.Arrangements.Select(a => a.Id != FormArrangement
                    ? Say(M.KitField, ("field", a.Text))
                    : person.Forms.Count == 0
                        ? Say(M.KitNoForms, ("field", a.Text))
                        : Say(M.KitForms, ("field", a.Text), ("forms", string.Join("; ", person.Forms.Select(f => PlanWriting.InSentence(f.Text))))));
                yield return Lines(
                    [person.Person.Label],
                    arrangements,
                    person.Safeguards.Where(s => !_reviewAdvice.Contains(s.Id)).Select(s => Say(M.KitSafeguard, ("text", s.Text))),
                    person.NotSuggested.Select(f => Say(M.KitNotSuggested, ("form", PlanWriting.InSentence(f.Text)), ("because", string.Join("; ", f.Because)))));
            }

            // A safeguard already named for a person is not repeated for the plan as a whole.
            var named = summary.People.SelectMany(p => p.Safeguards).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            var whole = summary.Family.Safeguards
                .Where(s => !_reviewAdvice.Contains(s.Id) && !named.Contains(s.Id))
                .Select(s => Say(M.KitSafeguard, ("text", s.Text)))
                .ToList();
            if (whole.Count > 0)
            {
                yield return Lines([Say(M.KitWhole)], whole);
            }
        }

        private IEnumerable<string> Support()
        {
            var groups = content.Plan.SupportGroups;
            string GroupOf(string advice) => groups.FirstOrDefault(g => g.Advice.Contains(advice))?.Id ?? SupportGroupIds.Others;
            var items = summary.People
                .SelectMany(p => p.Support.Select(s => (Advice: s, Person: (string?)p.Person.Label)))
                .Concat(summary.Family.Support.Select(s => (Advice: s, Person: (string?)null)))
                .ToList();

            foreach (var group in SupportGroupIds.All)
            {
                var heading = groups.First(g => g.Id == group).Heading;
                var inGroup = items.Where(i => GroupOf(i.Advice.Id) == group).ToList();
                if (group == SupportGroupIds.Relatives)
                {
                    yield return Lines([heading], Suggested(inGroup.Where(i => i.Person is null)), Relatives(inGroup));
                }
                else if (inGroup.Count > 0 || group != SupportGroupIds.Others)
                {
                    yield return Lines([heading], inGroup.Count == 0 ? [Say(M.SupportNone)] : Suggested(inGroup));
                }
            }
        }

        // Support for each birth relative or other important person, under their label.
        private IEnumerable<string> Relatives(List<(Suggestion Advice, string? Person)> items)
        {
            if (summary.People.Count == 0 && items.Count == 0)
            {
                yield return Say(M.SupportNone);
            }

            foreach (var person in summary.People)
            {
                yield return person.Person.Label;
                var theirs = items.Where(i => i.Person == person.Person.Label).Select(i => Say(M.TextSuggested, ("text", i.Advice.Text))).ToList();
                foreach (var line in theirs.Count == 0 ? [Say(M.SupportPersonNone)] : theirs)
                {
                    yield return line;
                }
            }
        }

        /// <summary>"Suggested: ..." once per suggestion, naming the people it came from unless it is for the whole plan.</summary>
        private IEnumerable<string> Suggested(IEnumerable<(Suggestion Advice, string? Person)> items) =>
            items.GroupBy(i => i.Advice.Id, StringComparer.Ordinal).Select(g =>
            {
                var labels = g.Any(i => i.Person is null) ? [] : g.Select(i => i.Person!).Distinct(StringComparer.Ordinal).ToList();
                var text = g.First().Advice.Text;
                return labels.Count == 0
                    ? Say(M.TextSuggested, ("text", text))
                    : Say(M.TextSuggestedFor, ("text", text.TrimEnd('.')), ("labels", And(labels)));
            });

        private IEnumerable<string> Review()
        {
            var schedule = c.Child is { } child && content.Plan.ReviewByJourney.TryGetValue(child.Journey, out var text) ? text : null;
            yield return schedule is null ? Say(M.ReviewWhenOnly) : Say(M.ReviewWhen, ("schedule", schedule));

            var items = summary.People
                .SelectMany(p => p.Safeguards.Select(s => (Advice: s, Person: (string?)p.Person.Label)))
                .Concat(summary.Family.Safeguards.Select(s => (Advice: s, Person: (string?)null)))
                .Where(i => _reviewAdvice.Contains(i.Advice.Id));
            yield return Lines([Say(M.ReviewTriggers)], Suggested(items));
        }

        private IEnumerable<string> Principles()
        {
            foreach (var principle in content.Suggestions.Principles)
            {
                var (addressed, missing) = Check(principle.Id);
                yield return Lines(
                    [PlanWriting.Sentences([principle.Text])],
                    addressed is null
                        ? [Say(M.PrinciplesManual)]
                        : [
                            addressed.Count == 0 ? Say(M.PrinciplesNothingAddressed) : Say(M.PrinciplesAddressed, ("items", string.Join(" ", addressed.Select(Capitalise)))),
                            missing.Count == 0 ? Say(M.PrinciplesNothingMissing) : Say(M.PrinciplesMissing, ("items", string.Join(" ", missing.Select(Capitalise)))),
                        ]);
            }
        }

        private static string Capitalise(string text) =>
            text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];

        /// <summary>What the answers show for one of the five principles; null for a principle KitBot has no check for.</summary>
        private (List<string>? Addressed, List<string> Missing) Check(string principle)
        {
            var addressed = new List<string>();
            var missing = new List<string>();
            var people = c.People;
            bool Known(IReadOnlyDictionary<string, FactorAnswer> answers, Func<string, bool>? which = null) =>
                answers.Any(a => (which is null || which(a.Key)) && a.Value.Answer != FactorAnswerValue.Unknown);
            List<string> Labels(Func<ImportantPerson, bool> test) => people.Where(test).Select(p => p.Label).ToList();
            void Add(List<string> list, string key, IReadOnlyList<string> labels)
            {
                if (labels.Count > 0)
                {
                    list.Add(Say(key, ("labels", And(labels))));
                }
            }

            switch (principle)
            {
                case "child-centred":
                    var wishes = c.Child?.Wishes;
                    if (wishes is "said" or "shown")
                    {
                        var text = content.Consultation.WishesKnown.First(w => w.Id == wishes).Text;
                        addressed.Add(Say(M.PrinciplesWishesKnown, ("wishes", PlanWriting.InSentence(text))));
                    }
                    else
                    {
                        missing.Add(Say(wishes == "not-yet-able" ? M.PrinciplesWishesNotYetAble : M.PrinciplesWishesNotSought));
                    }

                    var needs = content.Consultation.IdentityNeeds.Where(n => c.Child?.IdentityNeeds.Contains(n.Id) == true)
                        .Select(n => PlanWriting.InSentence(n.Text)).ToList();
                    if (needs.Count > 0)
                    {
                        addressed.Add(Say(M.PrinciplesIdentity, ("needs", And(needs))));
                    }

                    break;
                case "individual":
                    Add(addressed, M.PrinciplesAnswered, Labels(p => Known(p.Answers)));
                    Add(missing, M.PrinciplesUnanswered, Labels(p => !Known(p.Answers)));
                    (Known(c.Adopters) ? addressed : missing).Add(Say(Known(c.Adopters) ? M.PrinciplesAdopters : M.PrinciplesAdoptersUnknown));
                    if (people.Count == 0)
                    {
                        missing.Add(Say(M.PrinciplesNoPeople));
                    }

                    break;
                case "flexible":
                    if (summary.Family.Safeguards.Concat(summary.People.SelectMany(p => p.Safeguards)).Any(s => _reviewAdvice.Contains(s.Id)))
                    {
                        addressed.Add(Say(M.PrinciplesTriggers));
                    }

                    missing.Add(Say(M.PrinciplesWhen));
                    break;
                case "relational":
                    (Known(c.Adults) ? addressed : missing).Add(Say(Known(c.Adults) ? M.PrinciplesAdults : M.PrinciplesAdultsUnknown));
                    Add(addressed, M.PrinciplesWithAdopters, Labels(p => Known(p.Answers, id => id == "person-adopters")));
                    break;
                case "quality":
                    Add(addressed, M.PrinciplesRiskKnown, Labels(p => Known(p.Answers, id => id == "person-risk")));
                    Add(addressed, M.PrinciplesSafeguards, Labels(p => p.Answers.Any(a =>
                        a.Key is "person-risk" or "child-harmed" && a.Value.Answer is FactorAnswerValue.Yes or FactorAnswerValue.Unsure)));
                    Add(addressed, M.PrinciplesForms, summary.People.Where(p => p.Forms.Count > 0).Select(p => p.Person.Label).ToList());
                    Add(missing, M.PrinciplesRiskUnknown, Labels(p => !Known(p.Answers, id => id == "person-risk")));
                    Add(missing, M.PrinciplesNoForms, summary.People.Where(p => p.Forms.Count == 0).Select(p => p.Person.Label).ToList());
                    if (people.Count > 0)
                    {
                        missing.Add(Say(M.PrinciplesArrangements));
                    }

                    break;
                default:
                    return (null, missing);
            }

            return (addressed, missing);
        }
    }
}
