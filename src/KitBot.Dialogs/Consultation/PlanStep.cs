using System.Globalization;
using System.Text.Json.Nodes;
using KitBot.Dialogs.Content;
using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Plans;
using KitBot.Dialogs.Privacy;
using KitBot.Dialogs.Turns;
using I = KitBot.Dialogs.Consultation.ConsultationInputs;

namespace KitBot.Dialogs.Consultation;

/// <summary>
/// Step 6, after the summary: the provisional keeping in touch plan (planning steps 4 and 5), one card per important
/// person, pre-filled from the suggestions with the reasons shown, every field editable; an empty field, or "agree all
/// of this later", is to be agreed in the plan. The last person's card also asks when the plan will be reviewed and
/// what would trigger an earlier review (planning step 6).
/// </summary>
internal static class PlanStep
{
    private static readonly string[] Visible = [I.KitOther, I.KitFrequency, I.KitPresent, I.KitOrganiser];
    private static readonly string[] More = [I.KitDuration, I.KitVenue];

    public static JsonObject Card(PracticeContent content, ConsultationState c, IReadOnlyDictionary<string, string>? submitted, PrivacyConcern privacy)
    {
        var q = content.Consultation.Questions;
        var text = content.Consultation.Steps["plan"];
        var person = c.People[c.PersonIndex];
        var summary = SummaryBuilder.Build(content, c).People[c.PersonIndex];
        var values = submitted ?? Prefill(content, c, person, summary);
        var last = c.PersonIndex == c.People.Count - 1;
        string Value(string key) => values.GetValueOrDefault(key, string.Empty);
        JsonObject Field(string key) => new()
        {
            ["id"] = key,
            ["label"] = q[key].Label,
            ["value"] = Value(key),
        };

        return new JsonObject
        {
            ["progress"] = content.Message(MessageKeys.ConsultProgress, ("n", 6), ("total", 6)) + " · "
                + content.Message(MessageKeys.ConsultPersonProgress, ("n", c.PersonIndex + 1), ("total", c.People.Count)),
            ["title"] = person.Label,
            ["subtitle"] = summary.Relationship,
            ["heading"] = text.Title,
            ["intro"] = text.Intro,
            ["privacy"] = CardData.Privacy(content, privacy),
            ["suggestedTitle"] = content.Message(MessageKeys.ConsultPlanSuggested),
            ["hasSuggested"] = summary.Forms.Count > 0,
            ["suggested"] = new JsonArray([.. summary.Forms.Select(f => (JsonNode)new JsonObject
            {
                ["text"] = f.Text,
                ["because"] = SummaryStep.Because(content, f),
            })]),
            ["laterLabel"] = q[I.KitLater].Label,
            ["later"] = Value(I.KitLater) == "true" ? "true" : "false",
            ["formsLabel"] = q[I.KitForms].Label,
            ["hasForms"] = summary.Forms.Count > 0,
            ["formChoices"] = new JsonArray([.. summary.Forms.Select(f => (JsonNode)new JsonObject { ["title"] = f.Text, ["value"] = f.Id })]),
            ["forms"] = Value(I.KitForms),
            ["placeholder"] = content.Message(MessageKeys.ConsultPlanPlaceholder),
            ["noteMax"] = content.Consultation.Limits.NoteLength,
            ["fields"] = new JsonArray([.. Visible.Select(k => (JsonNode)Field(k))]),
            ["moreTitle"] = content.Message(MessageKeys.ConsultPlanMore),
            ["moreFields"] = new JsonArray([.. More.Select(k => (JsonNode)Field(k))]),
            ["supportLabel"] = q[I.KitSupport].Label,
            ["support"] = Value(I.KitSupport),
            ["hasReview"] = last,
            ["reviewTitle"] = content.Message(MessageKeys.ConsultPlanReviewTitle),
            ["reviewIntro"] = content.Message(MessageKeys.ConsultPlanReviewIntro),
            ["reviewWhenLabel"] = q[I.ReviewWhen].Label,
            ["reviewWhen"] = Value(I.ReviewWhen),
            ["reviewTriggersLabel"] = q[I.ReviewTriggers].Label,
            ["reviewTriggers"] = Value(I.ReviewTriggers),
        };
    }

    public static StepOutcome Apply(PracticeContent content, ConsultationState c, CardAction action)
    {
        var q = content.Consultation.Questions;
        var person = c.People[c.PersonIndex];
        var suggested = SummaryBuilder.Build(content, c).People[c.PersonIndex].Forms.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var problems = new HashSet<string>(StringComparer.Ordinal);
        var free = new FreeText(action, content);
        string? Read(string key)
        {
            var value = free.Read(key)?.Trim();
            if (value?.Length > content.Consultation.Limits.NoteLength)
            {
                problems.Add(content.Message(MessageKeys.ConsultNoteTooLong, ("max", content.Consultation.Limits.NoteLength)));
            }

            return string.IsNullOrWhiteSpace(value) ? null : PlanWriting.Clean(value);
        }

        var later = action.Value(I.KitLater) is { } flag && !string.Equals(flag, "false", StringComparison.OrdinalIgnoreCase) && flag.Length > 0;
        var forms = (action.Value(I.KitForms) ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (forms.Any(f => !suggested.Contains(f)))
        {
            problems.Add(q[I.KitForms].Error);
        }

        var arrangement = new PersonArrangement
        {
            PersonId = person.Id,
            Forms = forms,
            OtherForm = Read(I.KitOther),
            Present = Read(I.KitPresent),
            Duration = Read(I.KitDuration),
            Frequency = Read(I.KitFrequency),
            Venue = Read(I.KitVenue),
            Organiser = Read(I.KitOrganiser),
            Support = Read(I.KitSupport),
        };
        var last = c.PersonIndex == c.People.Count - 1;
        var review = last ? new ReviewChoice { When = Read(I.ReviewWhen), Triggers = Read(I.ReviewTriggers) } : c.Review;
        if (problems.Count > 0 || free.Blocking != PrivacyConcern.None)
        {
            return StepOutcome.Reask([.. problems], free.Blocking);
        }

        // "Agree all of this later", or a card with every box empty, keeps nothing for this person: the plan lists the
        // suggested forms and says the rest is to be agreed.
        var arrangements = c.Arrangements.Where(a => a.PersonId != person.Id).ToList();
        var empty = arrangement.Forms.Count == 0 && new[]
        {
            arrangement.OtherForm, arrangement.Present, arrangement.Duration, arrangement.Frequency, arrangement.Venue, arrangement.Organiser, arrangement.Support,
        }.All(v => v is null);
        if (!later && !empty)
        {
            arrangements.Add(arrangement);
        }

        return StepOutcome.Accept(c with
        {
            Arrangements = [.. c.People.Select(p => arrangements.FirstOrDefault(a => a.PersonId == p.Id)).OfType<PersonArrangement>()],
            Review = review,
            PersonIndex = last ? c.PersonIndex : c.PersonIndex + 1,
        });
    }

    /// <summary>
    /// What the card shows first: what was agreed before (after Back), otherwise the first suggested form and its usual
    /// details; the review timing from the journey stage and the usual reasons for an earlier review.
    /// </summary>
    private static Dictionary<string, string> Prefill(PracticeContent content, ConsultationState c, ImportantPerson person, PersonSummary summary)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (c.Arrangements.FirstOrDefault(a => a.PersonId == person.Id) is { } agreed)
        {
            values[I.KitForms] = string.Join(",", agreed.Forms);
            values[I.KitOther] = agreed.OtherForm ?? string.Empty;
            values[I.KitPresent] = agreed.Present ?? string.Empty;
            values[I.KitDuration] = agreed.Duration ?? string.Empty;
            values[I.KitFrequency] = agreed.Frequency ?? string.Empty;
            values[I.KitVenue] = agreed.Venue ?? string.Empty;
            values[I.KitOrganiser] = agreed.Organiser ?? string.Empty;
            values[I.KitSupport] = agreed.Support ?? string.Empty;
        }
        else if (summary.Forms.Count > 0)
        {
            var first = content.Form(summary.Forms[0].Id);
            var who = PlanVoice.Person(person);
            string Said(string? text) => (text ?? string.Empty).Replace("this person", who, StringComparison.Ordinal);
            values[I.KitForms] = first.Id;
            values[I.KitPresent] = Said(first.Defaults.Present);
            values[I.KitDuration] = Said(first.Defaults.Duration);
            values[I.KitFrequency] = Said(first.Defaults.Frequency);
            values[I.KitVenue] = Said(first.Defaults.Venue);
            values[I.KitOrganiser] = Said(first.Defaults.Organiser);
        }

        var voice = new PlanVoice(content, c);
        var schedule = c.Child is { } child && content.Plan.ReviewPrefill.TryGetValue(child.Journey, out var s) ? s : string.Empty;
        values[I.ReviewWhen] = c.Review?.When ?? voice.Adapt(schedule);
        values[I.ReviewTriggers] = c.Review?.Triggers ?? voice.Adapt(content.Message(MessageKeys.ConsultPlanTriggers));
        return values;
    }

    /// <summary>The step name stored for the card (one per person).</summary>
    public static string StepName(int index) => "plan-" + index.ToString(CultureInfo.InvariantCulture);
}
