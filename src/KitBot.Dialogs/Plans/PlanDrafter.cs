using System.Globalization;
using KitBot.Dialogs.Consultation;
using KitBot.Dialogs.Content;
using KitBot.Dialogs.Content.Model;
using M = KitBot.Dialogs.Content.PlanMessageKeys;

namespace KitBot.Dialogs.Plans;

/// <summary>
/// Drafts a plan's seven sections from a finished consultation and the practice content: a pure function of the
/// answers, written as record prose (PLAN-WRITING.md): what was found, in the practitioner's own labels and notes;
/// suggestions marked as suggestions; what was left to agree said once as "To be agreed", never made up.
/// </summary>
internal static class PlanDrafter
{
    /// <summary>The arrangement (plan.json) whose line lists the forms suggested for a person.</summary>
    public const string FormArrangement = "form";

    private const string Paragraph = "\n\n";

    // The advice naming the usual reasons for an earlier review; the plan says these in its own sentence.
    private const string TriggersAdvice = "review-triggers";

    // The child's factor that says a person can help meet their identity needs.
    private const string IdentityFactor = "child-identity";

    // The most JSON bytes a paragraph of findings takes on one line; well within a card part (PlanParts.Budget).
    private const int LineBudget = PlanParts.Budget / 4;

    /// <summary>The sections' text, in the order of <see cref="PlanSectionIds.All"/>.</summary>
    public static IReadOnlyList<PlanSection> Draft(PracticeContent content, ConsultationState consultation)
    {
        var draft = new Writer(content, consultation, SummaryBuilder.Build(content, consultation));
        return PlanSectionIds.All.Select(id => new PlanSection
        {
            Id = id,
            Text = string.Join(Paragraph, draft.Body(id).Where(p => p.Length > 0)),
        }).ToList();
    }

    /// <summary>
    /// "Plan for a child aged 2 to 4, started 3 Mar 2025", the date in the practitioner's time zone when known; with the
    /// practitioner's name for the plan first when they gave one ("Case 4521: plan for a child aged ...").
    /// </summary>
    public static string Title(PracticeContent content, ConsultationState consultation, string? timeZone)
    {
        var age = content.Consultation.AgeBands.FirstOrDefault(a => a.Id == consultation.Child?.AgeBand)?.Text ?? "?";
        var name = consultation.Child?.PlanName;
        var template = string.IsNullOrWhiteSpace(name) || content.Plan.TitleNamed is null ? content.Plan.Title : content.Plan.TitleNamed;
        // The practitioner's name for the plan goes in last, so text in it is never read as a placeholder.
        return template
            .Replace("{age}", PlanWriting.InSentence(age), StringComparison.Ordinal)
            .Replace("{date}", Date(consultation.Started, timeZone), StringComparison.Ordinal)
            .Replace("{name}", name?.Trim() ?? string.Empty, StringComparison.Ordinal);
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

    /// <summary>One consultation's answers and suggestions, written out section by section as record prose.</summary>
    private sealed class Writer(PracticeContent content, ConsultationState c, ConsultationSummary summary)
    {
        private readonly HashSet<string> _reviewAdvice = [.. content.Plan.ReviewAdvice];
        private readonly PlanVoice _voice = new(content, c);

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

        private static string Sentence(string text) => PlanWriting.Sentences([PlanVoice.Capital(text)]);

        private string Heading(ImportantPerson person)
        {
            // "Adoptive parents (when the child is back in care)" is said as "adoptive parents" in a heading.
            var relationship = (content.Consultation.Relationships.FirstOrDefault(r => r.Id == person.Relationship)?.Text ?? person.Relationship).Split(" (")[0];
            // Where the person is now, unless they are simply in touch: "Birth father (whereabouts unknown)".
            var status = person.StatusOrDefault == ImportantPerson.DefaultStatus
                ? null
                : content.Consultation.Statuses.FirstOrDefault(s => s.Id == person.StatusOrDefault)?.Finding;
            var about = new[] { string.Equals(relationship, person.Label, StringComparison.OrdinalIgnoreCase) ? null : PlanWriting.InSentence(relationship), status }
                .OfType<string>().ToList();
            return about.Count == 0 ? person.Label : Say(M.PeopleHeading, ("label", person.Label), ("relationship", string.Join(", ", about)));
        }

        private IEnumerable<string> Purpose()
        {
            if (summary.People.Count == 0)
            {
                yield return Say(M.PeopleNone);
            }

            foreach (var person in summary.People)
            {
                var who = PlanVoice.Person(person.Person);
                if (person.Purposes.Count == 0)
                {
                    yield return Say(M.PurposeNone, ("person", who));
                    continue;
                }

                // In the order PRACTICE.md lists the purposes, two to a sentence so that each stays short.
                var purposes = content.Suggestions.Purposes.Where(p => person.Purposes.Any(s => s.Id == p.Id)).Select(p => Verb(p.Text)).ToList();
                yield return PlanWriting.Sentences(purposes.Chunk(2).Select((pair, i) => i == 0
                    ? PlanVoice.Capital(Say(M.PurposePerson, ("person", who), ("purposes", PlanWriting.Series(pair, Say(M.TextAnd)))))
                    : Say(M.PurposeAlso, ("purposes", PlanWriting.Series(pair, Say(M.TextAnd))))));
            }
        }

        // "To build or keep a relationship" becomes "build or keep a relationship", to follow "could".
        private string Verb(string purpose)
        {
            var text = _voice.Adapt(purpose.Trim().TrimEnd('.'));
            return text.StartsWith("To ", StringComparison.OrdinalIgnoreCase) ? text[3..] : PlanWriting.InSentence(text);
        }

        private IEnumerable<string> People()
        {
            if (summary.People.Count == 0)
            {
                yield return Say(M.PeopleNone);
            }

            var why = content.Plan.WhyFactors.Select(content.Factor).ToList();
            foreach (var person in summary.People)
            {
                var found = Findings(why.Where(f => f.AppliesTo(person.Person)).ToList(), person.Person.Answers, person.Person, stillToFind: false);
                yield return Lines(
                    [Heading(person.Person)],
                    [found.Length > 0 ? found : Sentence(Say(M.PeopleWhyUnknown, ("person", PlanVoice.Person(person.Person)), ("child", _voice.Child)))],
                    [IdentityLink(person.Person)]);
            }

            foreach (var warning in summary.Warnings)
            {
                yield return Say(M.TextSuggested, ("text", warning));
            }
        }

        // A relative who can meet the child's identity needs is named as an identity link, with what time together could hold.
        private string IdentityLink(ImportantPerson person)
        {
            if (person.Answers.GetValueOrDefault(IdentityFactor)?.Answer != FactorAnswerValue.Yes)
            {
                return string.Empty;
            }

            var holds = content.Consultation.IdentityNeeds
                .Where(n => c.Child?.IdentityNeeds.Contains(n.Id) == true && n.Finding is not null)
                .Select(n => n.Finding!)
                .ToList();
            return holds.Count == 0
                ? string.Empty
                : PlanVoice.Capital(Say(M.PeopleIdentityLink, ("person", PlanVoice.Person(person)), ("child", _voice.Child), ("holds", PlanWriting.Series(holds, Say(M.TextAnd)))));
        }

        private IEnumerable<string> Strengths()
        {
            yield return Child();
            var why = content.Plan.WhyFactors.ToHashSet(StringComparer.Ordinal);
            foreach (var person in c.People)
            {
                var factors = content.FactorsIn(FactorGroups.Child).Concat(content.FactorsIn(FactorGroups.Person))
                    .Where(f => !why.Contains(f.Id) && f.AppliesTo(person)).ToList();
                var found = Findings(factors, person.Answers, person, stillToFind: true);
                yield return Lines([Heading(person)], [found.Length > 0 ? found : Say(M.StrengthsPersonNone)]);
            }

            var adopters = Findings(content.FactorsIn(FactorGroups.Adopters).ToList(), c.Adopters, null, stillToFind: true);
            yield return Lines([Say(M.StrengthsAdopters)], [adopters.Length > 0 ? adopters : Say(M.StrengthsAdoptersNone)]);
            var adults = Findings(content.FactorsIn(FactorGroups.Adults).ToList(), c.Adults, null, stillToFind: true);
            if (adults.Length > 0)
            {
                yield return Lines([Say(M.StrengthsAdults)], [adults]);
            }
        }

        private string Child()
        {
            if (c.Child is not { } child)
            {
                return Sentence(_voice.Child);
            }

            var consultation = content.Consultation;
            var age = consultation.AgeBands.FirstOrDefault(o => o.Id == child.AgeBand)?.Text ?? child.AgeBand;
            var journey = consultation.JourneyStages.FirstOrDefault(o => o.Id == child.Journey);
            var wishes = consultation.WishesKnown.FirstOrDefault(o => o.Id == child.Wishes);
            var needs = _voice.Needs();
            return PlanWriting.Sentences([
                PlanVoice.Capital(Say(M.StrengthsChild, ("child", _voice.Child), ("age", PlanWriting.InSentence(age)), ("journey", journey?.Finding ?? PlanWriting.InSentence(journey?.Text ?? string.Empty)))),
                wishes?.Finding is { } said ? PlanVoice.Capital(_voice.Child) + " " + said : string.Empty,
                needs.Count == 0 ? string.Empty : Say(M.StrengthsIdentity, ("needs", And(needs))),
                child.Note ?? string.Empty,
            ]);
        }

        /// <summary>
        /// What the answers to <paramref name="factors"/> found, as sentences: strengths answered yes, then challenges
        /// answered yes, then a no said plainly where it matters, then anything not sure ("It is not yet clear
        /// whether ..."), the practitioner's notes in brackets after the point they are about, and the key points not
        /// known gathered in one "Still to find out" sentence.
        /// </summary>
        private string Findings(IReadOnlyList<Factor> factors, IReadOnlyDictionary<string, FactorAnswer> answers, ImportantPerson? person, bool stillToFind)
        {
            (Factor Factor, FactorAnswer Answer)[] With(Func<Factor, FactorAnswer, bool> test) =>
                [.. factors.Select(f => (f, answers.GetValueOrDefault(f.Id))).Where(p => p.Item2 is not null && test(p.f, p.Item2)).Select(p => (p.f, p.Item2!))];

            var sentences = new List<string>();
            var named = new HashSet<string>(StringComparer.Ordinal);
            sentences.AddRange(Joined(With((f, a) => f.Kind is FactorKind.Strength or FactorKind.Fact && a.Answer == FactorAnswerValue.Yes).Select(p => (p.Factor, p.Factor.Finding, p.Answer.Note)), person, named));
            sentences.AddRange(Joined(With((f, a) => f.Kind == FactorKind.Challenge && a.Answer == FactorAnswerValue.Yes).Select(p => (p.Factor, p.Factor.Finding, p.Answer.Note)), person, named));
            sentences.AddRange(Joined(With((f, a) => a.Answer == FactorAnswerValue.No && f.No is not null).Select(p => (p.Factor, p.Factor.No!, p.Answer.Note)), person, named));
            sentences.AddRange(With((f, a) => a.Answer == FactorAnswerValue.Unsure)
                .Select(p => Noted(Say(M.TextUnclear, ("clause", Clause(p.Factor, p.Factor.Finding, person))).TrimEnd('.'), p.Answer.Note)));

            // A note on a point answered no (with nothing to say for a no) or not known is still the practitioner's word.
            sentences.AddRange(With((f, a) => !string.IsNullOrWhiteSpace(a.Note)
                    && ((a.Answer == FactorAnswerValue.No && f.No is null) || a.Answer == FactorAnswerValue.Unknown))
                .Select(p => PlanVoice.Capital(p.Answer.Note!.Trim())));

            if (stillToFind)
            {
                // The person is named once in the paragraph, then "they".
                var unknown = factors.Where(f => f.Key && answers.GetValueOrDefault(f.Id) is { Answer: FactorAnswerValue.Unknown, Note: null or "" })
                    .Select(f => Say(M.TextWhether, ("clause", f.Subject == FactorSubjects.Person && !named.Add(f.Subject)
                        ? "they " + _voice.Fill(f.Finding, person, plural: true)
                        : Clause(f, f.Finding, person))))
                    .ToList();
                if (unknown.Count > 0)
                {
                    sentences.Add(Say(M.TextStillToFind, ("items", PlanWriting.Series(unknown, Say(M.TextAnd)))));
                }
            }

            // Sentences run on as prose; a paragraph made very long by notes keeps one sentence to a line, so that no line
            // is longer than a card can show (PlanParts splits a section only at line breaks when it can).
            var prose = PlanWriting.Sentences(sentences);
            return PlanWriting.JsonBytes(prose) <= LineBudget ? prose : string.Join('\n', sentences.Select(x => PlanWriting.Sentences([x])).Where(x => x.Length > 0));
        }

        private string Clause(Factor factor, string template, ImportantPerson? person)
        {
            var subject = _voice.Subject(factor, person);
            var said = _voice.Fill(template, person);
            return subject.Length == 0 ? said : subject + " " + said;
        }

        // The practitioner's note in brackets after the point it is about, as they wrote it (only its first letter lowered).
        private static string Noted(string text, string? note) =>
            string.IsNullOrWhiteSpace(note) ? text : text.TrimEnd('.') + " (" + PlanWriting.InSentence(note.Trim().TrimEnd('.')) + ")";

        /// <summary>
        /// Findings about the same subject joined into sentences of at most three (a finding with a comma or a note
        /// stands alone), naming the subject once and then saying "they", so it is not repeated in every sentence.
        /// </summary>
        private IEnumerable<string> Joined(IEnumerable<(Factor Factor, string Template, string? Note)> found, ImportantPerson? person, HashSet<string> named)
        {
            foreach (var group in found.GroupBy(f => f.Factor.Subject))
            {
                if (group.Key == FactorSubjects.Clause)
                {
                    foreach (var (_, template, note) in group)
                    {
                        yield return PlanVoice.Capital(Noted(_voice.Fill(template, person), note));
                    }

                    continue;
                }

                var batch = new List<(string Template, string? Note)>();
                foreach (var item in group)
                {
                    var alone = item.Template.Contains(',', StringComparison.Ordinal) || !string.IsNullOrWhiteSpace(item.Note);
                    if (batch.Count > 0 && (alone || batch.Count == 3 || batch.Any(b => !string.IsNullOrWhiteSpace(b.Note) || b.Template.Contains(',', StringComparison.Ordinal))))
                    {
                        yield return Say(group.First().Factor, batch);
                        batch.Clear();
                    }

                    batch.Add((item.Template, item.Note));
                }

                if (batch.Count > 0)
                {
                    yield return Say(group.First().Factor, batch);
                }
            }

            string Say(Factor factor, List<(string Template, string? Note)> batch)
            {
                // The adoptive parents and the child are named each time; a person is named once, then "they".
                var pronoun = factor.Subject == FactorSubjects.Person && !named.Add(factor.Subject);
                var subject = pronoun ? "they" : _voice.Subject(factor, person);
                return PlanVoice.Capital(subject) + " " + And(batch.Select(b => Noted(_voice.Fill(b.Template, person, pronoun ? true : null), b.Note)).ToList());
            }
        }

        private IEnumerable<string> KeepingInTouch()
        {
            if (summary.People.Count == 0)
            {
                yield return Say(M.KitNone);
            }

            var toAgree = new List<string>();
            foreach (var person in summary.People)
            {
                var agreed = c.Arrangements.FirstOrDefault(a => a.PersonId == person.Person.Id);
                var lines = new List<string> { Heading(person.Person) };
                if (agreed is null)
                {
                    toAgree.Add(PlanVoice.Person(person.Person));
                    lines.Add(person.Forms.Count == 0
                        ? Say(M.KitNoForms)
                        : Say(M.KitForms, ("forms", PlanWriting.Series(person.Forms.Select(f => PlanWriting.Lower(f.Text)).ToList(), Say(M.TextAnd)))));
                }
                else
                {
                    lines.Add(Arrangement(agreed));
                }

                lines.AddRange(NotSuggested(person));
                var safeguards = person.Safeguards.Where(s => !_reviewAdvice.Contains(s.Id)).Select(s => About(_voice.Adapt(s.Text), person.Person)).ToList();
                if (safeguards.Count > 0)
                {
                    lines.Add(Say(M.KitSafeguards, ("text", string.Join(" ", safeguards))));
                }

                yield return Lines(lines);
            }

            // A safeguard already named for a person is not repeated for the plan as a whole.
            var named = summary.People.SelectMany(p => p.Safeguards).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            var whole = summary.Family.Safeguards
                .Where(s => !_reviewAdvice.Contains(s.Id) && !named.Contains(s.Id))
                .Select(s => Say(M.TextSuggested, ("text", _voice.Adapt(s.Text))))
                .ToList();
            if (whole.Count > 0)
            {
                yield return Lines([Say(M.KitWhole)], whole);
            }

            if (toAgree.Count > 0)
            {
                yield return toAgree.Count == summary.People.Count ? Say(M.KitToAgreeAll) : Say(M.KitToAgree, ("labels", And(toAgree)));
            }
        }

        /// <summary>The arrangement agreed for a person: each field agreed, then "To be agreed:" once for the rest.</summary>
        private string Arrangement(PersonArrangement agreed)
        {
            var forms = agreed.Forms.Where(id => content.Suggestions.Forms.Any(f => f.Id == id))
                .Select(id => PlanWriting.Lower(_voice.Adapt(content.Form(id).Name)))
                .Concat(string.IsNullOrWhiteSpace(agreed.OtherForm) ? [] : [agreed.OtherForm.Trim()])
                .ToList();
            var values = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                [FormArrangement] = forms.Count == 0 ? null : And(forms),
                ["present"] = agreed.Present,
                ["duration"] = agreed.Duration,
                ["frequency"] = agreed.Frequency,
                ["venue"] = agreed.Venue,
                ["organiser"] = agreed.Organiser,
                ["support"] = agreed.Support,
            };
            var said = new List<string>();
            var later = new List<string>();
            foreach (var field in content.Plan.Arrangements)
            {
                var value = values.GetValueOrDefault(field.Id);
                if (string.IsNullOrWhiteSpace(value))
                {
                    later.Add(field.Text.ToLowerInvariant());
                }
                else
                {
                    said.Add(Say(M.KitField, ("field", field.Text), ("value", value.Trim().TrimEnd('.'))));
                }
            }

            if (later.Count > 0)
            {
                said.Add(Say(M.KitFieldsToAgree, ("fields", And(later))));
            }

            return string.Join(" ", said);
        }

        // Forms the answers would have suggested but a risk rules out, said with the findings that rule them out.
        private IEnumerable<string> NotSuggested(PersonSummary person)
        {
            foreach (var group in person.NotSuggested.GroupBy(f => string.Join(",", f.Found.Select(x => x.Factor + ":" + x.Answer))))
            {
                var forms = PlanWriting.Series(group.Select(f => PlanWriting.Lower(f.Text)).ToList(), Say(M.TextAnd));
                var found = group.First().Found;
                var because = found
                    .Where(x => found.Any(y => y.Answer == FactorAnswerValue.Yes) ? x.Answer == FactorAnswerValue.Yes : x.Answer == FactorAnswerValue.Unsure)
                    .Select(x =>
                    {
                        var factor = content.Factor(x.Factor);
                        var clause = Clause(factor, factor.Finding, person.Person);
                        return x.Answer == FactorAnswerValue.Yes ? clause : Say(M.TextUnclear, ("clause", clause)).TrimEnd('.').Replace("It is", "it is", StringComparison.Ordinal);
                    })
                    .Distinct(StringComparer.Ordinal)
                    .ToList();
                yield return because.Count == 0
                    ? Say(M.KitNotSuggestedPlain, ("forms", forms))
                    : Say(M.KitNotSuggested, ("because", And(because)), ("forms", forms));
            }
        }

        // Advice written about "this person" is said of the person it is for.
        private static string About(string text, ImportantPerson person) =>
            text.Replace("this person", PlanVoice.Person(person), StringComparison.Ordinal);

        private IEnumerable<string> Support()
        {
            var groups = content.Plan.SupportGroups;
            string GroupOf(string advice) => groups.FirstOrDefault(g => g.Advice.Contains(advice))?.Id ?? SupportGroupIds.Others;
            var items = summary.People
                .SelectMany(p => p.Support.Select(s => (Advice: s, Person: (PersonSummary?)p)))
                .Concat(summary.Family.Support.Select(s => (Advice: s, Person: (PersonSummary?)null)))
                .ToList();
            var agreed = c.Arrangements.Where(a => !string.IsNullOrWhiteSpace(a.Support)).ToDictionary(a => a.PersonId, a => a.Support!.Trim(), StringComparer.Ordinal);

            foreach (var group in SupportGroupIds.All)
            {
                var heading = _voice.Adapt(groups.First(g => g.Id == group).Heading);
                var inGroup = items.Where(i => GroupOf(i.Advice.Id) == group).ToList();
                if (group == SupportGroupIds.Relatives)
                {
                    var whole = Suggested(inGroup.Where(i => i.Person is null)).ToList();
                    if (whole.Count > 0)
                    {
                        yield return Lines([heading], whole);
                    }

                    foreach (var person in summary.People)
                    {
                                var theirs = inGroup.Where(i => i.Person == person)
                            .Select(i => Say(M.TextSuggested, ("text", About(_voice.Adapt(i.Advice.Text), person.Person))))
                            .ToList();
                        if (agreed.TryGetValue(person.Person.Id, out var support))
                        {
                            theirs.Insert(0, Sentence(support));
                        }

                        if (theirs.Count > 0)
                        {
                            yield return Lines([PlanVoice.Capital(Say(M.SupportFor, ("person", PlanVoice.Person(person.Person))))], theirs);
                        }
                    }
                }
                else if (inGroup.Count > 0)
                {
                    yield return Lines([heading], Suggested(inGroup));
                }
            }

            var without = summary.People
                .Where(p => !agreed.ContainsKey(p.Person.Id) && !items.Any(i => i.Person == p && GroupOf(i.Advice.Id) == SupportGroupIds.Relatives))
                .Select(p => PlanVoice.Person(p.Person))
                .ToList();
            yield return without.Count == 0 ? Say(M.SupportToAgree) : Say(M.SupportToAgreeFor, ("labels", And(without)));
        }

        /// <summary>"Suggested: ..." once per suggestion, naming the people it came from unless it is for the whole plan.</summary>
        private IEnumerable<string> Suggested(IEnumerable<(Suggestion Advice, PersonSummary? Person)> items) =>
            items.GroupBy(i => i.Advice.Id, StringComparer.Ordinal).Select(g =>
            {
                var people = g.Any(i => i.Person is null) ? [] : g.Select(i => i.Person!.Person).DistinctBy(p => p.Id).ToList();
                var labels = people.Select(PlanVoice.Person).ToList();
                var text = people.Count == 1 ? About(_voice.Adapt(g.First().Advice.Text), people[0]) : _voice.Adapt(g.First().Advice.Text);
                return labels.Count == 0
                    ? Say(M.TextSuggested, ("text", text))
                    : Say(M.TextSuggestedFor, ("text", text.TrimEnd('.')), ("labels", And(labels)));
            });

        private IEnumerable<string> Review()
        {
            var chosen = c.Review;
            var when = chosen?.When is { Length: > 0 } w ? Say(M.ReviewWhen, ("value", w.Trim().TrimEnd('.'))) : null;
            var triggers = chosen?.Triggers is { Length: > 0 } t ? Say(M.ReviewTriggers, ("value", t.Trim().TrimEnd('.'))) : null;
            if (when is not null || triggers is not null)
            {
                yield return Lines([when ?? string.Empty], [triggers ?? string.Empty]);
            }

            var schedule = c.Child is { } child && content.Plan.ReviewByJourney.TryGetValue(child.Journey, out var text) ? text : null;
            var suggested = new List<string>();
            if (when is null && schedule is not null)
            {
                suggested.Add(Say(M.ReviewSchedule, ("schedule", PlanVoice.Capital(_voice.Adapt(schedule)))));
            }

            // The general reasons for an earlier review (PRACTICE.md) are said once in the plan's own words, unless the
            // practitioner has agreed their own; other review advice (a brother or sister born later) always stays.
            if (triggers is null)
            {
                suggested.Add(PlanVoice.Capital(Say(M.ReviewSuggestedTriggers, ("child", _voice.Child))));
            }

            suggested.AddRange(Suggested(summary.People
                .SelectMany(p => p.Safeguards.Select(s => (Advice: s, Person: (PersonSummary?)p)))
                .Concat(summary.Family.Safeguards.Select(s => (Advice: s, Person: (PersonSummary?)null)))
                .Where(i => _reviewAdvice.Contains(i.Advice.Id) && i.Advice.Id != TriggersAdvice)));

            if (suggested.Count > 0)
            {
                yield return Lines(suggested);
            }

            if (when is null || triggers is null)
            {
                yield return Say(M.ReviewToAgree);
            }
        }

        private IEnumerable<string> Principles()
        {
            foreach (var principle in content.Suggestions.Principles)
            {
                // The principle's name ("Child-centred"), then what the draft addresses and, in the same paragraph, what is missing.
                var (addressed, missing) = Check(principle.Id);
                var name = principle.Text.Split(':')[0].Trim();
                var said = addressed is null
                    ? Say(M.PrinciplesManual)
                    : addressed.Count == 0 ? Say(M.PrinciplesNothingAddressed) : PlanWriting.InSentence(string.Join(" ", addressed.Select(Capitalise)));
                yield return PlanWriting.Sentences([
                    Say(M.PrinciplesLine, ("name", name), ("items", _voice.Adapt(said))),
                    missing.Count == 0 ? string.Empty : Say(M.PrinciplesMissing, ("items", _voice.Adapt(string.Join(" ", missing.Select(Capitalise))))),
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
            List<string> Labels(Func<ImportantPerson, bool> test) => people.Where(test).Select(PlanVoice.Person).ToList();
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
                    // The adoptive parents join the list of people whose strengths and challenges are recorded (or not).
                    var adopters = Say(M.StrengthsAdopters).ToLowerInvariant();
                    Add(addressed, M.PrinciplesAnswered, [.. Labels(p => Known(p.Answers)).Append(Known(c.Adopters) ? adopters : string.Empty).Where(l => l.Length > 0).Distinct()]);
                    Add(missing, M.PrinciplesUnanswered, [.. Labels(p => !Known(p.Answers)).Append(Known(c.Adopters) ? string.Empty : adopters).Where(l => l.Length > 0).Distinct()]);
                    if (people.Count == 0)
                    {
                        missing.Add(Say(M.PrinciplesNoPeople));
                    }

                    break;
                case "flexible":
                    if (!string.IsNullOrWhiteSpace(c.Review?.When))
                    {
                        addressed.Add(Say(M.PrinciplesWhenAgreed));
                    }

                    if (!string.IsNullOrWhiteSpace(c.Review?.Triggers))
                    {
                        addressed.Add(Say(M.PrinciplesTriggersAgreed));
                    }
                    else if (summary.Family.Safeguards.Concat(summary.People.SelectMany(p => p.Safeguards)).Any(s => _reviewAdvice.Contains(s.Id)))
                    {
                        addressed.Add(Say(M.PrinciplesTriggers));
                    }

                    if (string.IsNullOrWhiteSpace(c.Review?.When))
                    {
                        missing.Add(Say(M.PrinciplesWhen));
                    }
                    break;
                case "relational":
                    (Known(c.Adults) ? addressed : missing).Add(Say(Known(c.Adults) ? M.PrinciplesAdults : M.PrinciplesAdultsUnknown));
                    Add(addressed, M.PrinciplesWithAdopters, Labels(p => Known(p.Answers, id => id == "person-adopters")));
                    break;
                case "quality":
                    Add(addressed, M.PrinciplesRiskKnown, Labels(p => Known(p.Answers, id => id == "person-risk")));
                    Add(addressed, M.PrinciplesSafeguards, Labels(p => p.Answers.Any(a =>
                        a.Key is "person-risk" or "child-harmed" && a.Value.Answer is FactorAnswerValue.Yes or FactorAnswerValue.Unsure)));
                    Add(missing, M.PrinciplesRiskUnknown, Labels(p => !Known(p.Answers, id => id == "person-risk")));
                    Add(missing, M.PrinciplesNoForms, summary.People.Where(p => p.Forms.Count == 0).Select(p => PlanVoice.Person(p.Person)).ToList());
                    if (people.Any(p => c.Arrangements.All(a => a.PersonId != p.Id)))
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
