using System.Text.Json.Nodes;
using KitBot.Dialogs.Content;
using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Privacy;
using KitBot.Dialogs.Turns;
using I = KitBot.Dialogs.Consultation.ConsultationInputs;

namespace KitBot.Dialogs.Consultation;

/// <summary>Step 1: about the child (age band, journey, how wishes and feelings are known, identity needs).</summary>
internal static class ChildStep
{
    public static JsonObject Card(PracticeContent content, ConsultationState c, IReadOnlyDictionary<string, string>? submitted, PrivacyConcern privacy)
    {
        var q = content.Consultation.Questions;
        var text = content.Consultation.Steps["child"];
        string Prefill(string key, string? stored) => submitted is null ? stored ?? string.Empty : submitted.GetValueOrDefault(key, string.Empty);

        return new JsonObject
        {
            ["progress"] = content.Message(MessageKeys.ConsultProgress, ("n", 1), ("total", 6)),
            ["title"] = text.Title,
            ["intro"] = text.Intro,
            ["ageBandLabel"] = q["ageBand"].Label,
            ["ageBandError"] = q["ageBand"].Error,
            ["ageBands"] = CardData.Choices(content.Consultation.AgeBands),
            ["ageBand"] = Prefill(I.AgeBand, c.Child?.AgeBand),
            ["journeyLabel"] = q["journey"].Label,
            ["journeyError"] = q["journey"].Error,
            ["journeys"] = CardData.Choices(content.Consultation.JourneyStages),
            ["journey"] = Prefill(I.Journey, c.Child?.Journey),
            ["wishesLabel"] = q["wishes"].Label,
            ["wishesError"] = q["wishes"].Error,
            ["wishesOptions"] = CardData.Choices(content.Consultation.WishesKnown),
            ["wishes"] = Prefill(I.Wishes, c.Child?.Wishes),
            ["identityLabel"] = q["identity"].Label,
            ["identityOptions"] = CardData.Choices(content.Consultation.IdentityNeeds),
            ["identity"] = Prefill(I.Identity, c.Child is null ? null : string.Join(",", c.Child.IdentityNeeds)),
            ["noteLabel"] = q["childNote"].Label,
            ["noteMax"] = content.Consultation.Limits.NoteLength,
            ["note"] = Prefill(I.ChildNote, c.Child?.Note),
            ["planNameLabel"] = q["planName"].Label,
            ["planNameMax"] = content.Consultation.Limits.LabelLength,
            ["planName"] = Prefill(I.PlanName, c.Child?.PlanName),
            ["privacy"] = CardData.Privacy(content, privacy),
        };
    }

    public static StepOutcome Apply(PracticeContent content, ConsultationState c, CardAction action)
    {
        var q = content.Consultation.Questions;
        var problems = new List<string>();
        string One(string key, string question, IEnumerable<Content.Model.ContentOption> options)
        {
            var value = action.Value(key);
            if (value is null || !options.Any(o => o.Id == value))
            {
                problems.Add(q[question].Error);
                return string.Empty;
            }

            return value;
        }

        var ageBand = One(I.AgeBand, "ageBand", content.Consultation.AgeBands);
        var journey = One(I.Journey, "journey", content.Consultation.JourneyStages);
        var wishes = One(I.Wishes, "wishes", content.Consultation.WishesKnown);
        var identity = (action.Value(I.Identity) ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (identity.Any(id => content.Consultation.IdentityNeeds.All(o => o.Id != id)))
        {
            problems.Add(q["identity"].Error);
        }

        var free = new FreeText(action, content);
        var note = free.Read(I.ChildNote);
        if (note?.Length > content.Consultation.Limits.NoteLength)
        {
            problems.Add(content.Message(MessageKeys.ConsultNoteTooLong, ("max", content.Consultation.Limits.NoteLength)));
        }

        var planName = free.Read(I.PlanName);
        if (planName?.Length > content.Consultation.Limits.LabelLength)
        {
            problems.Add(q["planName"].Error);
        }

        if (problems.Count > 0 || free.Blocking != PrivacyConcern.None)
        {
            return StepOutcome.Reask(problems, free.Blocking, free.Found);
        }

        return StepOutcome.Accept(c with
        {
            Child = new ChildAnswers { AgeBand = ageBand, Journey = journey, Wishes = wishes, IdentityNeeds = identity, Note = note, PlanName = planName },
            Step = ConsultationStep.People,
        });
    }
}
