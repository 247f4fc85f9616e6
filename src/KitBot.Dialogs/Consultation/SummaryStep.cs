using System.Text.Json.Nodes;
using KitBot.Dialogs.Content;

namespace KitBot.Dialogs.Consultation;

/// <summary>Step 5: the summary card, built from <see cref="SummaryBuilder"/>.</summary>
internal static class SummaryStep
{
    public static JsonObject Card(PracticeContent content, ConsultationState c)
    {
        var summary = SummaryBuilder.Build(content, c);
        var text = content.Consultation.Steps["summary"];
        var people = new JsonArray();
        foreach (var person in summary.People)
        {
            people.Add(new JsonObject
            {
                ["title"] = person.Person.Label,
                ["subtitle"] = person.Relationship,
                ["hasPurposes"] = person.Purposes.Count > 0,
                ["purposes"] = Items(content, person.Purposes),
                ["hasForms"] = person.Forms.Count > 0,
                ["forms"] = Items(content, person.Forms),
                ["hasSupport"] = person.Support.Count > 0,
                ["support"] = Items(content, person.Support),
                ["hasSafeguards"] = person.Safeguards.Count > 0,
                ["safeguards"] = Items(content, person.Safeguards),
                ["hasNotSuggested"] = person.NotSuggested.Count > 0,
                ["notSuggested"] = Items(content, person.NotSuggested, withDetail: false),
                ["isEmpty"] = person.IsEmpty,
            });
        }

        return new JsonObject
        {
            ["progress"] = content.Message(MessageKeys.ConsultProgress, ("n", 5), ("total", 5)),
            ["title"] = text.Title,
            ["intro"] = text.Intro,
            ["hasWarnings"] = summary.Warnings.Count > 0,
            ["warnings"] = Engine.CardData.Texts(summary.Warnings),
            ["headings"] = new JsonObject
            {
                ["purposes"] = content.Message(MessageKeys.SummaryPurposes),
                ["forms"] = content.Message(MessageKeys.SummaryForms),
                ["support"] = content.Message(MessageKeys.SummarySupport),
                ["safeguards"] = content.Message(MessageKeys.SummarySafeguards),
                ["notSuggested"] = content.Message(MessageKeys.SummaryNotSuggested),
                ["nothing"] = content.Message(MessageKeys.SummaryNothing),
            },
            ["people"] = people,
            ["familyTitle"] = content.Message(MessageKeys.SummaryFamily),
            ["hasFamilySupport"] = summary.Family.Support.Count > 0,
            ["familySupport"] = Items(content, summary.Family.Support),
            ["hasFamilySafeguards"] = summary.Family.Safeguards.Count > 0,
            ["familySafeguards"] = Items(content, summary.Family.Safeguards),
            ["principlesTitle"] = content.Message(MessageKeys.SummaryPrinciples),
            ["principles"] = Engine.CardData.Texts(content.Suggestions.Principles.Select(p => p.Text)),
        };
    }

    /// <summary>"Because you said: ..." for a suggestion; a suggestion with no reasons applies to every plan.</summary>
    public static string Because(PracticeContent content, Suggestion suggestion) =>
        suggestion.Because.Count == 0
            ? content.Message(MessageKeys.SummaryAlways)
            : content.Message(MessageKeys.SummaryBecause, ("answers", string.Join("; ", suggestion.Because)));

    private static JsonArray Items(PracticeContent content, IReadOnlyList<Suggestion> suggestions, bool withDetail = true) =>
        new([.. suggestions.Select(s => (JsonNode)new JsonObject
        {
            ["text"] = s.Text,
            ["hasDetail"] = withDetail && s.Detail is not null,
            ["detail"] = withDetail ? s.Detail ?? string.Empty : string.Empty,
            ["because"] = Because(content, s),
        })]);
}
