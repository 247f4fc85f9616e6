using KitBot.Dialogs.Content;
using KitBot.Dialogs.Content.Model;

namespace KitBot.Dialogs.Consultation;

/// <summary>
/// Applies the rules in rules.json to a consultation's answers. Precedence: a form any matching rule excludes is
/// never suggested (so a recorded risk rules out unsupervised direct contact whatever else is true); lead forms come
/// first (sibling meetings where a sibling lives elsewhere, ongoing contact with former foster carers); the rest
/// follow in rule order. Every suggestion keeps the answers that led to it.
/// </summary>
internal static class SummaryBuilder
{
    public static ConsultationSummary Build(PracticeContent content, ConsultationState c)
    {
        // Every suggestion speaks of "the child" or "the young person" as fits the child's age.
        var voice = new Plans.PlanVoice(content, c);
        var people = c.People.Select(p => ForPerson(content, c, p, voice.Adapt)).ToList();
        var support = new Collected();
        var safeguards = new Collected();
        foreach (var rule in content.Rules.Rules.Where(r => r.Scope == RuleScope.Family))
        {
            if (Matches(content, c, null, rule) is { } because)
            {
                support.Add(rule.Support, because);
                safeguards.Add(rule.Safeguards, because);
            }
        }

        var warnings = c.People.Count >= content.Consultation.People.ExhaustionAt
            ? new[] { content.Message(MessageKeys.ConsultExhaustion, ("count", c.People.Count)) }
            : [];
        return new ConsultationSummary(
            people,
            new FamilySummary(support.Advice(content, voice.Adapt), safeguards.Advice(content, voice.Adapt)),
            warnings);
    }

    private static PersonSummary ForPerson(PracticeContent content, ConsultationState c, ImportantPerson person, Func<string, string> adapt)
    {
        var purposes = new Collected();
        var forms = new Collected();
        var support = new Collected();
        var safeguards = new Collected();
        var excluded = new Collected();
        var leads = new List<string>();
        var quiet = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in content.Rules.Rules.Where(r => r.Scope == RuleScope.Person))
        {
            if (Matches(content, c, person, rule) is not { } because)
            {
                continue;
            }

            purposes.Add(rule.Purposes, because);
            forms.Add(rule.Forms.Concat(rule.LeadForm is null ? [] : [rule.LeadForm]), because);
            support.Add(rule.Support, because);
            safeguards.Add(rule.Safeguards, because);
            excluded.Add(rule.ExcludeForms, because);
            if (rule.Quiet)
            {
                quiet.UnionWith(rule.ExcludeForms);
            }
            if (rule.LeadForm is { } lead)
            {
                leads.Add(lead);
            }
        }

        var order = leads.Concat(forms.Ids).Distinct(StringComparer.Ordinal).ToList();
        Suggestion Form(string id, Collected from)
        {
            var form = content.Form(id);
            return new Suggestion(id, adapt(form.Name), adapt(form.Description), from[id]) { Found = from.Found(id) };
        }

        return new PersonSummary(
            person,
            content.Consultation.Relationships.First(r => r.Id == person.Relationship).Text,
            purposes.Ids.Select(id => new Suggestion(id, adapt(content.Purpose(id)), null, purposes[id]) { Found = purposes.Found(id) }).ToList(),
            order.Where(id => !excluded.Contains(id)).Select(id => Form(id, forms)).ToList(),
            support.Advice(content, adapt),
            safeguards.Advice(content, adapt),
            order.Where(id => excluded.Contains(id) && !quiet.Contains(id)).Select(id => Form(id, excluded)).ToList());
    }

    /// <summary>The answers that make the rule hold, or null when it does not.</summary>
    private static Because? Matches(PracticeContent content, ConsultationState c, ImportantPerson? person, SuggestionRule rule)
    {
        var because = new Because();
        foreach (var condition in rule.When)
        {
            if (Holds(content, c, person, condition) is not { } reason)
            {
                return null;
            }

            because.Add(reason);
            because.Note(c, person, condition);
        }

        if (rule.WhenAny.Count > 0)
        {
            var any = rule.WhenAny.Select(condition => (Condition: condition, Reason: Holds(content, c, person, condition))).Where(h => h.Reason is not null).ToList();
            if (any.Count == 0)
            {
                return null;
            }

            foreach (var (condition, reason) in any)
            {
                because.Add(reason!);
                because.Note(c, person, condition);
            }
        }

        return because;
    }

    private static string? Holds(PracticeContent content, ConsultationState c, ImportantPerson? person, RuleCondition condition)
    {
        var consultation = content.Consultation;
        if (condition.Factor is { } factorId)
        {
            var factor = content.Factor(factorId);
            IReadOnlyDictionary<string, FactorAnswer>? answers = factor.Group switch
            {
                FactorGroups.Adopters => c.Adopters,
                FactorGroups.Adults => c.Adults,
                _ when person is not null && factor.AppliesTo(person) => person.Answers,
                _ => null,
            };
            if (answers is null)
            {
                return null;
            }

            var answer = FactorsStep.Wire(answers.GetValueOrDefault(factorId)?.Answer ?? FactorAnswerValue.Unknown);
            return condition.Answers!.Contains(answer) ? $"{factor.Text} — {content.AnswerText(answer)}" : null;
        }

        string? OneOf(IReadOnlyList<string> values, string? actual, IReadOnlyList<ContentOption> options, string what) =>
            actual is not null && values.Contains(actual)
                ? $"{content.Message(what)} — {options.First(o => o.Id == actual).Text}"
                : null;

        if (condition.Relationships is { } relationships)
        {
            return OneOf(relationships, person?.Relationship, consultation.Relationships, MessageKeys.SummaryRelationship);
        }

        if (condition.Statuses is { } statuses)
        {
            return OneOf(statuses, person?.StatusOrDefault, consultation.Statuses, MessageKeys.SummaryStatus);
        }

        if (condition.Journeys is { } journeys)
        {
            return OneOf(journeys, c.Child?.Journey, consultation.JourneyStages, MessageKeys.SummaryJourney);
        }

        if (condition.AgeBands is { } ageBands)
        {
            return OneOf(ageBands, c.Child?.AgeBand, consultation.AgeBands, MessageKeys.SummaryAge);
        }

        if (condition.Wishes is { } wishes)
        {
            return OneOf(wishes, c.Child?.Wishes, consultation.WishesKnown, MessageKeys.SummaryWishes);
        }

        var needs = consultation.IdentityNeeds
            .Where(o => condition.IdentityNeeds!.Contains(o.Id) && c.Child?.IdentityNeeds.Contains(o.Id) == true)
            .Select(o => o.Text.ToLowerInvariant())
            .ToList();
        return needs.Count > 0 ? $"{content.Message(MessageKeys.SummaryIdentityNeeds)} — {string.Join(", ", needs)}" : null;
    }

    /// <summary>The reasons a rule holds: as the summary shows them, and the factor answers among them.</summary>
    private sealed class Because : List<string>
    {
        public List<(string Factor, FactorAnswerValue Answer)> Found { get; } = [];

        public void Note(ConsultationState c, ImportantPerson? person, RuleCondition condition)
        {
            if (condition.Factor is { } id)
            {
                var answers = person?.Answers.ContainsKey(id) == true ? person.Answers : c.Adopters.ContainsKey(id) ? c.Adopters : c.Adults;
                Found.Add((id, answers.GetValueOrDefault(id)?.Answer ?? FactorAnswerValue.Unknown));
            }
        }
    }

    /// <summary>Suggested ids in first-suggested order, each with the union of the reasons behind it.</summary>
    private sealed class Collected
    {
        private readonly Dictionary<string, List<string>> _because = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<(string Factor, FactorAnswerValue Answer)>> _found = new(StringComparer.Ordinal);
        private readonly List<string> _ids = [];

        public IReadOnlyList<string> Ids => _ids;

        public IReadOnlyList<string> this[string id] => _because[id];

        public bool Contains(string id) => _because.ContainsKey(id);

        public IReadOnlyList<(string Factor, FactorAnswerValue Answer)> Found(string id) => _found[id];

        public void Add(IEnumerable<string> ids, Because because)
        {
            foreach (var id in ids)
            {
                if (!_because.TryGetValue(id, out var reasons))
                {
                    _because[id] = reasons = [];
                    _found[id] = [];
                    _ids.Add(id);
                }

                reasons.AddRange(because.Where(b => !reasons.Contains(b)));
                _found[id].AddRange(because.Found.Where(f => !_found[id].Contains(f)));
            }
        }

        public IReadOnlyList<Suggestion> Advice(PracticeContent content, Func<string, string> adapt) =>
            _ids.Select(id => new Suggestion(id, adapt(content.Advice(id)), null, _because[id]) { Found = _found[id] }).ToList();
    }
}
