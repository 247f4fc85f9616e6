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
/// known with an optional note. Points start unanswered; the most telling come first and the rest sit behind "More
/// detail"; a required point must be answered (or its group marked "not known yet") before the card moves on.
/// </summary>
internal static class FactorsStep
{
    private static readonly string[] PersonGroups = [FactorGroups.Child, FactorGroups.Person];
    private static readonly string[] FamilyGroups = [FactorGroups.Adopters, FactorGroups.Adults];

    private static readonly FactorKind[] Kinds = [FactorKind.Strength, FactorKind.Challenge, FactorKind.Fact];

    public static JsonObject Card(PracticeContent content, ConsultationState c, IReadOnlyDictionary<string, string>? submitted, PrivacyConcern privacy)
    {
        var q = content.Consultation.Questions;
        var person = c.Step == ConsultationStep.Person ? c.People[c.PersonIndex] : null;
        var text = content.Consultation.Steps[person is null ? "adopters" : "person"];
        var sections = new JsonArray();
        var voice = new Plans.PlanVoice(content, c);
        foreach (var group in person is null ? FamilyGroups : PersonGroups)
        {
            var title = content.Group(group).Title.Replace("{label}", person?.Label ?? string.Empty, StringComparison.Ordinal);
            var first = true;
            foreach (var kind in Kinds)
            {
                JsonObject Input(Factor factor)
                {
                    var stored = Stored(c, person, factor);
                    return new JsonObject
                    {
                        ["answerId"] = I.Answer(factor.Id),
                        ["noteId"] = I.Note(factor.Id),
                        ["text"] = voice.Adapt(factor.Text),
                        ["required"] = factor.Required,
                        // A point starts unanswered: pressing Next at once answers nothing.
                        ["answer"] = submitted is null
                            ? stored is null ? string.Empty : Wire(stored.Answer)
                            : submitted.GetValueOrDefault(I.Answer(factor.Id), string.Empty),
                        ["note"] = submitted is null ? stored?.Note ?? string.Empty : submitted.GetValueOrDefault(I.Note(factor.Id), string.Empty),
                    };
                }

                // The most telling points first; the rest behind "More detail", one toggle per part of the card.
                var key = new List<Factor>();
                var more = new List<Factor>();
                foreach (var factor in Applicable(content, group, person))
                {
                    if (factor.Kind == kind)
                    {
                        (factor.Key || factor.Required || kind == FactorKind.Fact ? key : more).Add(factor);
                    }
                }

                if (key.Count + more.Count == 0)
                {
                    continue;
                }

                var moreId = "more." + group + "." + sections.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                sections.Add(new JsonObject
                {
                    ["title"] = title,
                    ["kind"] = content.Message(kind switch
                    {
                        FactorKind.Strength => MessageKeys.FactorsStrengths,
                        FactorKind.Challenge => MessageKeys.FactorsChallenges,
                        _ => MessageKeys.FactorsFacts,
                    }),
                    ["factors"] = new JsonArray([.. key.Select(f => (JsonNode)Input(f))]),
                    ["hasMore"] = more.Count > 0,
                    ["moreId"] = moreId,
                    ["moreTitle"] = content.Message(MessageKeys.ConsultFactorsMore),
                    ["more"] = new JsonArray([.. more.Select(f => (JsonNode)Input(f))]),
                    ["hasUnknown"] = first,
                    ["unknownId"] = I.Unknown(group),
                    ["unknownLabel"] = content.Message(MessageKeys.ConsultFactorsUnknownGroup),
                    ["unknown"] = submitted?.GetValueOrDefault(I.Unknown(group)) == "true" ? "true" : "false",
                });
                first = false;
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
            ["requiredError"] = q["factorAnswer"].Error,
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
        var free = new FreeText(action, content);
        var answers = new Dictionary<string, (string Group, FactorAnswer Answer)>(StringComparer.Ordinal);
        var unanswered = new List<string>();
        foreach (var group in person is null ? FamilyGroups : PersonGroups)
        {
            var notKnownYet = string.Equals(action.Value(I.Unknown(group)), "true", StringComparison.OrdinalIgnoreCase);
            foreach (var factor in Applicable(content, group, person))
            {
                var raw = action.Value(I.Answer(factor.Id));
                var value = raw is null ? null : Parse(raw);
                if (raw is not null && value is null)
                {
                    problems.Add(content.Consultation.Questions["factorAnswer"].Error);
                }

                var note = free.Read(I.Note(factor.Id));
                if (note?.Length > content.Consultation.Limits.NoteLength)
                {
                    problems.Add(content.Message(MessageKeys.ConsultNoteTooLong, ("max", content.Consultation.Limits.NoteLength)));
                }

                // Unanswered: "not known yet" for the group (or a note) makes it not known; a required point says so;
                // any other point is simply left out, so it shapes nothing.
                if (raw is null && (notKnownYet || note is not null))
                {
                    value = FactorAnswerValue.Unknown;
                }
                else if (raw is null && factor.Required)
                {
                    unanswered.Add(factor.Text);
                }

                if (value is { } answered)
                {
                    answers[factor.Id] = (group, new FactorAnswer(answered, note));
                }
            }
        }

        if (unanswered.Count > 0)
        {
            problems.Add(content.Message(MessageKeys.ConsultFactorsUnanswered, ("points", string.Join("; ", unanswered))));
        }

        if (problems.Count > 0 || free.Blocking != PrivacyConcern.None)
        {
            return StepOutcome.Reask([.. problems], free.Blocking, free.Found);
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
