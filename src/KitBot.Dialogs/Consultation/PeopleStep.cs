using System.Globalization;
using System.Text.Json.Nodes;
using KitBot.Dialogs.Content;
using KitBot.Dialogs.Privacy;
using KitBot.Dialogs.Turns;
using I = KitBot.Dialogs.Consultation.ConsultationInputs;

namespace KitBot.Dialogs.Consultation;

/// <summary>
/// Step 2: who is important. Several people on one card, each a relationship, where they are now (in touch, another
/// adoptive family, whereabouts unknown, died...) and a label (never a name).
/// </summary>
internal static class PeopleStep
{
    public static JsonObject Card(PracticeContent content, ConsultationState c, IReadOnlyDictionary<string, string>? submitted, PrivacyConcern privacy)
    {
        var limits = content.Consultation.People;
        var q = content.Consultation.Questions;
        var text = content.Consultation.Steps["people"];
        var shown = submitted is null
            ? Math.Max(c.People.Count + limits.ExtraRows, limits.MinRows)
            : Enumerable.Range(0, limits.MaxPeople).LastOrDefault(n => submitted.ContainsKey(I.Relationship(n))) + 1;
        var rows = new JsonArray();
        for (var n = 0; n < Math.Clamp(shown, limits.MinRows, limits.MaxPeople); n++)
        {
            var person = n < c.People.Count ? c.People[n] : null;
            rows.Add(new JsonObject
            {
                ["heading"] = content.Message(MessageKeys.ConsultPersonHeading, ("n", n + 1)),
                ["relId"] = I.Relationship(n),
                ["labelId"] = I.Label(n),
                ["statusId"] = I.Status(n),
                ["status"] = submitted is null
                    ? person?.StatusOrDefault ?? ImportantPerson.DefaultStatus
                    : submitted.GetValueOrDefault(I.Status(n), ImportantPerson.DefaultStatus),
                ["relationship"] = submitted is null ? person?.Relationship ?? string.Empty : submitted.GetValueOrDefault(I.Relationship(n), string.Empty),
                ["label"] = submitted is null ? person?.Label ?? string.Empty : submitted.GetValueOrDefault(I.Label(n), string.Empty),
            });
        }

        return new JsonObject
        {
            ["progress"] = content.Message(MessageKeys.ConsultProgress, ("n", 2), ("total", 6)),
            ["title"] = text.Title,
            ["intro"] = text.Intro,
            ["relationshipLabel"] = q["relationship"].Label,
            ["labelLabel"] = q["label"].Label,
            ["labelMax"] = content.Consultation.Limits.LabelLength,
            ["relationships"] = Engine.CardData.Choices(content.Consultation.Relationships),
            ["statusLabel"] = q["status"].Label,
            ["statuses"] = Engine.CardData.Choices(content.Consultation.Statuses),
            ["rows"] = rows,
            ["exhaustionHint"] = content.Message(MessageKeys.ConsultExhaustionHint, ("count", limits.ExhaustionAt)),
            ["privacy"] = Engine.CardData.Privacy(content, privacy),
        };
    }

    public static StepOutcome Apply(PracticeContent content, ConsultationState c, CardAction action)
    {
        var limits = content.Consultation.People;
        var problems = new HashSet<string>(StringComparer.Ordinal);
        var free = new FreeText(action, content);
        var listed = new List<(int Row, string Relationship, string? Label, string Status)>();
        // Rows beyond the card's are read too (up to the maximum) so a channel that sends more is judged, not ignored.
        for (var row = 0; row < limits.MaxPeople + 10; row++)
        {
            var relationship = action.Value(I.Relationship(row));
            var label = free.Read(I.Label(row));
            if (relationship is null && label is null)
            {
                continue;
            }

            if (relationship is null)
            {
                problems.Add(content.Message(MessageKeys.ConsultLabelWithoutRelationship));
            }
            else if (content.Consultation.Relationships.All(r => r.Id != relationship))
            {
                problems.Add(content.Consultation.Questions["relationship"].Error);
            }
            else
            {
                // Where the person is now comes first on the card; a row without one is someone in touch.
                var status = action.Value(I.Status(row)) ?? ImportantPerson.DefaultStatus;
                if (content.Consultation.Statuses.All(s => s.Id != status))
                {
                    problems.Add(content.Consultation.Questions["status"].Error);
                }

                listed.Add((row, relationship, label, status));
            }

            if (label?.Length > content.Consultation.Limits.LabelLength)
            {
                problems.Add(content.Message(MessageKeys.ConsultLabelTooLong, ("max", content.Consultation.Limits.LabelLength)));
            }
        }

        if (listed.Count == 0 && problems.Count == 0)
        {
            problems.Add(content.Message(MessageKeys.ConsultNoPeople));
        }

        if (listed.Count > limits.MaxPeople)
        {
            problems.Add(content.Message(MessageKeys.ConsultTooManyPeople, ("max", limits.MaxPeople)));
        }

        if (problems.Count > 0 || free.Blocking != PrivacyConcern.None)
        {
            return StepOutcome.Reask([.. problems], free.Blocking, free.Found);
        }

        var people = Build(content, c, listed);
        var notes = people.Count >= limits.ExhaustionAt
            ? new[] { content.Message(MessageKeys.ConsultExhaustion, ("count", people.Count)) }
            : [];
        return StepOutcome.Accept(c with { People = people, Step = ConsultationStep.Person, PersonIndex = 0 }, notes);
    }

    // A row that still holds the same relationship keeps its person (and the answers already given about them).
    private static List<ImportantPerson> Build(PracticeContent content, ConsultationState c, List<(int Row, string Relationship, string? Label, string Status)> listed)
    {
        var nextId = c.People.Select(p => int.TryParse(p.Id.AsSpan(1), CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
        var people = new List<ImportantPerson>();
        foreach (var (row, relationship, label, status) in listed)
        {
            var existing = row < c.People.Count && c.People[row].Relationship == relationship ? c.People[row] : null;
            var id = existing?.Id ?? "p" + (nextId++).ToString(CultureInfo.InvariantCulture);
            var name = label ?? content.Consultation.Relationships.First(r => r.Id == relationship).Text;
            people.Add((existing ?? new ImportantPerson()) with { Id = id, Relationship = relationship, Label = name, Status = status });
        }

        // Two people left with the same label ("Birth mother" twice) are told apart, so the cards and summary are clear.
        return people
            .Select((p, i) =>
            {
                var same = people.Take(i).Count(other => string.Equals(other.Label, p.Label, StringComparison.OrdinalIgnoreCase));
                return same == 0 ? p : p with { Label = FormattableString.Invariant($"{p.Label} ({same + 1})") };
            })
            .ToList();
    }
}
