using System.Text.Json.Nodes;
using KitBot.Dialogs.Content;
using KitBot.Dialogs.Content.Model;
using KitBot.Dialogs.Privacy;
using KitBot.Dialogs.Turns;
using I = KitBot.Dialogs.Consultation.ConsultationInputs;

namespace KitBot.Dialogs.Consultation;

/// <summary>
/// Steps 3 and 4: strengths and challenges, one card per important person (the child in relation to them, and the
/// person), then one for the adoptive parents and the adults together. Every point is yes / no / not sure / not
/// known with an optional note; a point left unanswered counts as not known.
/// </summary>
internal static class FactorsStep
{
    private static readonly string[] PersonGroups = [FactorGroups.Child, FactorGroups.Person];
    private static readonly string[] FamilyGroups = [FactorGroups.Adopters, FactorGroups.Adults];

    public static JsonObject Card(PracticeContent content, ConsultationState c, IReadOnlyDictionary<string, string>? submitted, PrivacyConcern privacy)
    {
        var q = content.Consultation.Questions;
        var person = c.Step == ConsultationStep.Person ? c.People[c.PersonIndex] : null;
        var text = content.Consultation.Steps[person is null ? "adopters" : "person"];
        var sections = new JsonArray();
        foreach (var group in person is null ? FamilyGroups : PersonGroups)
        {
            var title = content.Group(group).Title.Replace("{label}", person?.Label ?? string.Empty, StringComparison.Ordinal);
            foreach (var kind in new[] { FactorKind.Strength, FactorKind.Challenge })
            {
                var factors = new JsonArray();
                foreach (var factor in Applicable(content, group, person).Where(f => f.Kind == kind))
                {
                    var stored = Stored(c, person, factor);
                    factors.Add(new JsonObject
                    {
                        ["answerId"] = I.Answer(factor.Id),
                        ["noteId"] = I.Note(factor.Id),
                        ["text"] = factor.Text,
                        ["answer"] = submitted is null
                            ? Wire(stored?.Answer ?? FactorAnswerValue.Unknown)
                            : submitted.GetValueOrDefault(I.Answer(factor.Id), Wire(FactorAnswerValue.Unknown)),
                        ["note"] = submitted is null ? stored?.Note ?? string.Empty : submitted.GetValueOrDefault(I.Note(factor.Id), string.Empty),
                    });
                }

                if (factors.Count > 0)
                {
                    sections.Add(new JsonObject
                    {
                        ["title"] = title,
                        ["kind"] = content.Message(kind == FactorKind.Strength ? MessageKeys.FactorsStrengths : MessageKeys.FactorsChallenges),
                        ["factors"] = factors,
                    });
                }
            }
        }

        var progress = content.Message(MessageKeys.ConsultProgress, ("n", person is null ? 4 : 3), ("total", 6));
        return new JsonObject
        {
            ["progress"] = person is null
                ? progress
                : progress + " · " + content.Message(MessageKeys.ConsultPersonProgress, ("n", c.PersonIndex + 1), ("total", c.People.Count)),
            ["title"] = person?.Label ?? text.Title,
            ["hasSubtitle"] = person is not null,
            ["subtitle"] = person is null ? string.Empty : content.Consultation.Relationships.First(r => r.Id == person.Relationship).Text,
            ["intro"] = text.Intro,
            ["answers"] = new JsonArray([.. content.Factors.Answers.Select(a => (JsonNode)new JsonObject
            {
                ["title"] = char.ToUpperInvariant(a.Text[0]) + a.Text[1..],
                ["value"] = a.Id,
            })]),
            ["noteLabel"] = q["factorNote"].Label,
            ["noteMax"] = content.Consultation.Limits.NoteLength,
            ["verb"] = person is null ? ConsultationVerbs.Adopters : ConsultationVerbs.Person,
            ["sections"] = sections,
            ["privacy"] = Engine.CardData.Privacy(content, privacy),
        };
    }

    public static StepOutcome Apply(PracticeContent content, ConsultationState c, CardAction action)
    {
        var person = c.Step == ConsultationStep.Person ? c.People[c.PersonIndex] : null;
        var problems = new HashSet<string>(StringComparer.Ordinal);
        var free = new FreeText(action);
        var answers = new Dictionary<string, (string Group, FactorAnswer Answer)>(StringComparer.Ordinal);
        foreach (var group in person is null ? FamilyGroups : PersonGroups)
        {
            foreach (var factor in Applicable(content, group, person))
            {
                var raw = action.Value(I.Answer(factor.Id));
                var value = raw is null ? FactorAnswerValue.Unknown : Parse(raw);
                if (value is null)
                {
                    problems.Add(content.Consultation.Questions["factorAnswer"].Error);
                }

                var note = free.Read(I.Note(factor.Id));
                if (note?.Length > content.Consultation.Limits.NoteLength)
                {
                    problems.Add(content.Message(MessageKeys.ConsultNoteTooLong, ("max", content.Consultation.Limits.NoteLength)));
                }

                answers[factor.Id] = (group, new FactorAnswer(value ?? FactorAnswerValue.Unknown, note));
            }
        }

        if (problems.Count > 0 || free.Blocking != PrivacyConcern.None)
        {
            return StepOutcome.Reask([.. problems], free.Blocking);
        }

        if (person is not null)
        {
            var people = c.People.ToList();
            people[c.PersonIndex] = person with { Answers = answers.ToDictionary(a => a.Key, a => a.Value.Answer, StringComparer.Ordinal) };
            var last = c.PersonIndex == people.Count - 1;
            return StepOutcome.Accept(c with
            {
                People = people,
                Step = last ? ConsultationStep.Adopters : ConsultationStep.Person,
                PersonIndex = last ? 0 : c.PersonIndex + 1,
            });
        }

        return StepOutcome.Accept(c with
        {
            Adopters = answers.Where(a => a.Value.Group == FactorGroups.Adopters).ToDictionary(a => a.Key, a => a.Value.Answer, StringComparer.Ordinal),
            Adults = answers.Where(a => a.Value.Group == FactorGroups.Adults).ToDictionary(a => a.Key, a => a.Value.Answer, StringComparer.Ordinal),
            Step = ConsultationStep.Summary,
        });
    }

    /// <summary>The wire value of an answer (also the card's choice value).</summary>
    public static string Wire(FactorAnswerValue value) => value switch
    {
        FactorAnswerValue.Yes => "yes",
        FactorAnswerValue.No => "no",
        FactorAnswerValue.Unsure => "unsure",
        _ => "unknown",
    };

    private static FactorAnswerValue? Parse(string raw) => raw.ToLowerInvariant() switch
    {
        "yes" => FactorAnswerValue.Yes,
        "no" => FactorAnswerValue.No,
        "unsure" or "not sure" => FactorAnswerValue.Unsure,
        "unknown" or "not known" => FactorAnswerValue.Unknown,
        _ => null,
    };

    private static IEnumerable<Factor> Applicable(PracticeContent content, string group, ImportantPerson? person) =>
        content.FactorsIn(group).Where(f => person is null || f.AppliesTo(person));

    private static FactorAnswer? Stored(ConsultationState c, ImportantPerson? person, Factor factor)
    {
        var answers = person?.Answers ?? (factor.Group == FactorGroups.Adopters ? c.Adopters : c.Adults);
        return answers.GetValueOrDefault(factor.Id);
    }
}
