using KitBot.Dialogs.Content.Model;

namespace KitBot.Dialogs.Content;

/// <summary>
/// Checks loaded content for what JSON alone cannot say: unique ids, no blank text, and that every id one file
/// mentions is defined (a rule naming a factor that does not exist would otherwise never fire, silently).
/// </summary>
internal static class ContentValidator
{
    private static readonly string[] Answers = ["yes", "no", "unsure", "unknown"];
    private static readonly string[] Steps = ["child", "people", "person", "adopters", "summary", "resume", "plan"];
    private static readonly string[] Questions =
        ["ageBand", "journey", "wishes", "identity", "childNote", "relationship", "label", "factorNote", "factorAnswer", "role", "stage", "kitForms", "kitOther", "kitPresent", "kitDuration", "kitFrequency", "kitVenue", "kitOrganiser", "kitSupport", "kitLater", "reviewWhen", "reviewTriggers", "status", "planName"];

    private static readonly IReadOnlyList<string> SupportGroupIds = Plans.SupportGroupIds.All;

    public static IEnumerable<(string File, List<string> Problems)> Validate(PracticeContent content)
    {
        yield return ("wording.json", Wording(content.Wording));
        yield return ("consultation.json", Consultation(content.Consultation));
        yield return ("factors.json", Factors(content.Factors, content.Consultation));
        yield return ("suggestions.json", Suggestions(content.Suggestions));
        yield return ("rules.json", Rules(content));
        yield return ("roles.json", Roles(content.Roles, content.Consultation));
        yield return ("privacy.json", PrivacyWords(content.PrivacyWords));
        yield return ("plan.json", Plan(content));
    }

    private static List<string> Wording(WordingFile wording)
    {
        var problems = new List<string>();
        problems.AddRange(MessageKeys.All.Concat(RequestMessageKeys.All)
            .Where(key => !wording.Messages.TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text))
            .Select(key => $"the message '{key}' is missing or empty."));
        problems.AddRange(wording.Terms.Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => $"the term '{t.Key}' is empty."));
        return problems;
    }

    private static List<string> Consultation(ConsultationFile c)
    {
        var problems = new List<string>();
        Options(problems, "ageBands", c.AgeBands);
        Options(problems, "journeyStages", c.JourneyStages);
        Options(problems, "wishesKnown", c.WishesKnown);
        Options(problems, "identityNeeds", c.IdentityNeeds);
        Options(problems, "relationships", c.Relationships);
        Options(problems, "statuses", c.Statuses);
        if (c.Statuses.All(s => s.Id != KitBot.Dialogs.Consultation.ImportantPerson.DefaultStatus))
        {
            problems.Add($"'statuses' needs '{KitBot.Dialogs.Consultation.ImportantPerson.DefaultStatus}', the status of a person when none is chosen.");
        }
        var p = c.People;
        if (p.MaxPeople < 1 || p.MinRows < 1 || p.MinRows > p.MaxPeople || p.ExtraRows < 1 || p.ExhaustionAt < 2 || p.ExhaustionAt > p.MaxPeople)
        {
            problems.Add("'people' needs 1 <= minRows <= maxPeople, extraRows >= 1 and 2 <= exhaustionAt <= maxPeople.");
        }

        foreach (var step in Steps)
        {
            if (!c.Steps.TryGetValue(step, out var text))
            {
                problems.Add($"'steps' has no '{step}'.");
            }
            else if (Blank(text.Title, text.Intro, text.Help))
            {
                problems.Add($"'steps.{step}' needs a title, an intro and help.");
            }
        }

        foreach (var question in Questions)
        {
            if (!c.Questions.TryGetValue(question, out var q))
            {
                problems.Add($"'questions' has no '{question}'.");
            }
            else if (Blank(q.Label, q.Error))
            {
                problems.Add($"'questions.{question}' needs a label and an error.");
            }
        }

        if (c.Limits.NoteLength is < 20 or > 1000 || c.Limits.LabelLength is < 10 or > 100)
        {
            problems.Add("'limits' needs noteLength between 20 and 1000 and labelLength between 10 and 100.");
        }

        return problems;
    }

    private static List<string> Factors(FactorsFile f, ConsultationFile c)
    {
        var problems = new List<string>();
        Options(problems, "answers", f.Answers);
        if (!f.Answers.Select(a => a.Id).Order(StringComparer.Ordinal).SequenceEqual(Answers.Order(StringComparer.Ordinal)))
        {
            problems.Add($"'answers' must have exactly the ids {string.Join(", ", Answers)}.");
        }

        if (!f.Groups.Select(g => g.Id).Order(StringComparer.Ordinal).SequenceEqual(FactorGroups.All.Order(StringComparer.Ordinal)))
        {
            problems.Add($"'groups' must have exactly the ids {string.Join(", ", FactorGroups.All)}.");
        }

        problems.AddRange(f.Groups.Where(g => Blank(g.Title)).Select(g => $"group '{g.Id}' has no title."));
        Unique(problems, "factors", f.Factors.Select(x => x.Id));
        var relationships = Ids(c.Relationships);
        foreach (var factor in f.Factors)
        {
            if (Blank(factor.Id, factor.Text))
            {
                problems.Add($"a factor ('{factor.Id}') has a blank id or text.");
            }

            if (!FactorGroups.All.Contains(factor.Group))
            {
                problems.Add($"factor '{factor.Id}' names the group '{factor.Group}', which is not one of {string.Join(", ", FactorGroups.All)}.");
            }

            if (!FactorSubjects.All.Contains(factor.Subject) || Blank(factor.Finding))
            {
                problems.Add($"factor '{factor.Id}' needs a 'finding' and a 'subject' (one of {string.Join(", ", FactorSubjects.All)}).");
            }

            problems.AddRange(factor.NotFor.Where(r => !relationships.Contains(r))
                .Select(r => $"factor '{factor.Id}' names the relationship '{r}', which consultation.json does not define."));
        }

        problems.AddRange(FactorGroups.All.Where(g => !f.Factors.Any(x => x.Group == g)).Select(g => $"the group '{g}' has no factors."));
        return problems;
    }

    private static List<string> Suggestions(SuggestionsFile s)
    {
        var problems = new List<string>();
        Options(problems, "purposes", s.Purposes);
        Options(problems, "advice", s.Advice);
        Options(problems, "principles", s.Principles);
        Unique(problems, "forms", s.Forms.Select(f => f.Id));
        problems.AddRange(s.Forms.Where(f => Blank(f.Id, f.Name, f.Description)).Select(f => $"form '{f.Id}' needs an id, a name and a description."));
        return problems;
    }

    private static List<string> Rules(PracticeContent content)
    {
        var problems = new List<string>();
        var s = content.Suggestions;
        Unique(problems, "rules", content.Rules.Rules.Select(r => r.Id));
        foreach (var rule in content.Rules.Rules)
        {
            var where = $"rule '{rule.Id}'";
            if (rule.Purposes.Count + rule.Forms.Count + rule.Support.Count + rule.Safeguards.Count + rule.ExcludeForms.Count == 0 && rule.LeadForm is null)
            {
                problems.Add($"{where} suggests nothing.");
            }

            foreach (var condition in rule.When.Concat(rule.WhenAny))
            {
                problems.AddRange(Condition(content, rule, condition).Select(p => $"{where}: {p}"));
            }

            Known(problems, where, "purpose", rule.Purposes, Ids(s.Purposes));
            Known(problems, where, "form", rule.Forms.Concat(rule.ExcludeForms).Concat(rule.LeadForm is null ? [] : [rule.LeadForm]), s.Forms.Select(f => f.Id).ToHashSet());
            Known(problems, where, "advice", rule.Support.Concat(rule.Safeguards), Ids(s.Advice));
            if (rule.Scope == RuleScope.Family && (rule.Purposes.Count + rule.Forms.Count + rule.ExcludeForms.Count > 0 || rule.LeadForm is not null))
            {
                problems.Add($"{where} is about the whole family, so it can suggest support and safeguards but not purposes or forms.");
            }
        }

        return problems;
    }

    private static IEnumerable<string> Condition(PracticeContent content, SuggestionRule rule, RuleCondition condition)
    {
        var c = content.Consultation;
        var kinds = new object?[]
        {
            condition.Factor, condition.Relationships, condition.Journeys, condition.AgeBands, condition.Wishes, condition.IdentityNeeds, condition.Statuses,
        }.Count(x => x is not null);
        if (kinds != 1)
        {
            yield return "each condition needs exactly one of factor, relationships, journeys, ageBands, wishes, identityNeeds or statuses.";
            yield break;
        }

        if (condition.Factor is { } factorId)
        {
            if (!content.TryGetFactor(factorId, out var factor))
            {
                yield return $"the factor '{factorId}' is not defined in factors.json.";
            }
            else if (rule.Scope == RuleScope.Family && FactorGroups.IsPerPerson(factor.Group))
            {
                yield return $"the factor '{factorId}' is about one person, so a family rule cannot use it.";
            }

            if (condition.Answers is not { Count: > 0 } answers)
            {
                yield return $"the condition on '{factorId}' needs 'answers'.";
            }
            else
            {
                foreach (var answer in answers.Where(a => !Answers.Contains(a)))
                {
                    yield return $"'{answer}' is not an answer (use {string.Join(", ", Answers)}).";
                }
            }

            yield break;
        }

        if (condition.Answers is not null)
        {
            yield return "'answers' belongs only with 'factor'.";
        }

        if ((condition.Relationships is not null || condition.Statuses is not null) && rule.Scope == RuleScope.Family)
        {
            yield return "a family rule cannot test a person's relationship or status.";
        }

        var (name, values, known) =
            condition.Relationships is { } r ? ("relationship", r, Ids(c.Relationships)) :
            condition.Journeys is { } j ? ("journey stage", j, Ids(c.JourneyStages)) :
            condition.AgeBands is { } a ? ("age band", a, Ids(c.AgeBands)) :
            condition.Wishes is { } w ? ("wishes answer", w, Ids(c.WishesKnown)) :
            condition.Statuses is { } st ? ("status", st, Ids(c.Statuses)) :
            ("identity need", condition.IdentityNeeds!, Ids(c.IdentityNeeds));
        if (values.Count == 0)
        {
            yield return $"a condition on {name} lists nothing.";
        }

        foreach (var value in values.Where(v => !known.Contains(v)))
        {
            yield return $"the {name} '{value}' is not defined in consultation.json.";
        }
    }

    private static List<string> PrivacyWords(PrivacyFile p)
    {
        var problems = new List<string>();
        if (Blank(p.Source, p.Licence))
        {
            problems.Add("'source' and 'licence' must say where the names come from.");
        }

        if (p.GivenNames.Count == 0)
        {
            problems.Add("'givenNames' needs at least one name.");
        }

        var lists = new[] { ("givenNames", p.GivenNames), ("localGivenNames", p.LocalGivenNames), ("wordNames", p.WordNames), ("notNames", p.NotNames) };
        foreach (var (name, words) in lists)
        {
            problems.AddRange(words.Where(w => Blank(w) || w.Any(char.IsWhiteSpace)).Select(w => $"'{name}' holds '{w}', which is not one word."));
        }

        problems.AddRange(p.Titles.Where(t => Blank(t)).Select(_ => "'titles' holds an empty title."));
        return problems;
    }

    private static List<string> Roles(RolesFile r, ConsultationFile c)
    {
        var problems = new List<string>();
        Unique(problems, "levers", r.Levers.Select(l => l.Id));
        problems.AddRange(r.Levers.Where(l => Blank(l.Id, l.Name, l.Text)).Select(l => $"lever '{l.Id}' needs an id, a name and a text."));
        var levers = r.Levers.Select(l => l.Id).ToHashSet();
        var stages = Ids(c.JourneyStages);
        Unique(problems, "stages", r.Stages.Select(s => s.Id));
        problems.AddRange(stages.Where(id => r.Stages.All(s => s.Id != id))
            .Select(id => $"the journey stage '{id}' (consultation.json) has no entry in 'stages'."));
        foreach (var stage in r.Stages)
        {
            if (!stages.Contains(stage.Id))
            {
                problems.Add($"the stage '{stage.Id}' is not a journey stage in consultation.json.");
            }

            Known(problems, $"stage '{stage.Id}'", "lever", stage.Levers, levers);
            if (Blank(stage.Note))
            {
                problems.Add($"stage '{stage.Id}' needs a note.");
            }
        }

        Unique(problems, "roles", r.Roles.Select(x => x.Id));
        var roles = r.Roles.Select(x => x.Id).ToHashSet();
        foreach (var role in r.Roles)
        {
            var where = $"role '{role.Id}'";
            if (Blank(role.Id, role.Name, role.BestPlacedTo) || role.Actions.Count == 0)
            {
                problems.Add($"{where} needs an id, a name, bestPlacedTo and at least one action.");
            }

            Unique(problems, $"{where} actions", role.Actions.Select(a => a.Id));
            foreach (var action in role.Actions)
            {
                if (Blank(action.Id, action.Text) || action.Stages.Count == 0)
                {
                    problems.Add($"{where} action '{action.Id}' needs an id, a text and the stages at which it applies.");
                }

                Known(problems, $"{where} action '{action.Id}'", "stage", action.Stages, stages);
            }
            Known(problems, where, "role to involve", role.Involve, roles);
            if (role.Involve.Contains(role.Id))
            {
                problems.Add($"{where} lists itself to involve.");
            }
        }

        return problems;
    }

    private static List<string> Plan(PracticeContent content)
    {
        var plan = content.Plan;
        var problems = new List<string>();
        if (Blank(plan.Title) || !plan.Title.Contains("{age}", StringComparison.Ordinal))
        {
            problems.Add("'title' needs some words and the placeholder {age}.");
        }

        if (plan.MaxPlans is < 1 or > 100)
        {
            problems.Add("'maxPlans' must be between 1 and 100.");
        }

        // The sections are the planning steps (PRACTICE.md) and their ids travel in card actions: exactly these, in order.
        if (!plan.Sections.Select(s => s.Id).SequenceEqual(Plans.PlanSectionIds.All))
        {
            problems.Add($"'sections' must have exactly the ids {string.Join(", ", Plans.PlanSectionIds.All)}, in that order.");
        }

        problems.AddRange(plan.Sections.Where(s => Blank(s.Heading)).Select(s => $"section '{s.Id}' needs a heading."));
        Known(problems, "'whyFactors'", "factor", plan.WhyFactors, content.Factors.Factors.Select(f => f.Id).ToHashSet(StringComparer.Ordinal));
        Options(problems, "arrangements", plan.Arrangements);
        if (plan.Arrangements.All(a => a.Id != Plans.PlanDrafter.FormArrangement))
        {
            problems.Add($"'arrangements' needs '{Plans.PlanDrafter.FormArrangement}', the line that lists the forms suggested.");
        }

        Unique(problems, "supportGroups", plan.SupportGroups.Select(g => g.Id));
        foreach (var group in SupportGroupIds.Where(id => plan.SupportGroups.All(g => g.Id != id)))
        {
            problems.Add($"'supportGroups' has no '{group}'.");
        }

        var advice = Ids(content.Suggestions.Advice);
        foreach (var group in plan.SupportGroups)
        {
            if (!SupportGroupIds.Contains(group.Id))
            {
                problems.Add($"'supportGroups' has '{group.Id}', which is not one of {string.Join(", ", SupportGroupIds)}.");
            }

            if (Blank(group.Heading))
            {
                problems.Add($"support group '{group.Id}' needs a heading.");
            }

            Known(problems, $"support group '{group.Id}'", "advice", group.Advice, advice);
        }

        Unique(problems, "supportGroups advice", plan.SupportGroups.SelectMany(g => g.Advice));
        Known(problems, "'reviewAdvice'", "advice", plan.ReviewAdvice, advice);
        var journeys = Ids(content.Consultation.JourneyStages);
        problems.AddRange(journeys.Where(j => !plan.ReviewByJourney.TryGetValue(j, out var text) || Blank(text))
            .Select(j => $"'reviewByJourney' has no text for the journey stage '{j}'."));
        problems.AddRange(plan.ReviewByJourney.Keys.Where(j => !journeys.Contains(j))
            .Select(j => $"'reviewByJourney' has '{j}', which is not a journey stage in consultation.json."));
        problems.AddRange(PlanMessageKeys.All
            .Where(key => !plan.Messages.TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text))
            .Select(key => $"the message '{key}' is missing or empty."));
        return problems;
    }

    private static void Options(List<string> problems, string list, IReadOnlyList<ContentOption> options)
    {
        if (options.Count == 0)
        {
            problems.Add($"'{list}' is empty.");
        }

        Unique(problems, list, options.Select(o => o.Id));
        problems.AddRange(options.Where(o => Blank(o.Id, o.Text)).Select(o => $"'{list}' has an item ('{o.Id}') with a blank id or text."));
        // Ids travel in card inputs; multi-select answers arrive comma-separated.
        problems.AddRange(options.Where(o => o.Id.Contains(',')).Select(o => $"'{list}' id '{o.Id}' must not contain a comma."));
    }

    private static void Unique(List<string> problems, string list, IEnumerable<string> ids) =>
        problems.AddRange(ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"'{list}' has the id '{g.Key}' more than once."));

    private static void Known(List<string> problems, string where, string what, IEnumerable<string> ids, IReadOnlySet<string> known) =>
        problems.AddRange(ids.Where(id => !known.Contains(id)).Select(id => $"{where} names the {what} '{id}', which is not defined."));

    private static HashSet<string> Ids(IEnumerable<ContentOption> options) => options.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);

    private static bool Blank(params string?[] values) => values.Any(string.IsNullOrWhiteSpace);
}
