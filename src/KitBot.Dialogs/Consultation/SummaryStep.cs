using System.Text;
using System.Text.Json.Nodes;
using KitBot.Dialogs.Content;

namespace KitBot.Dialogs.Consultation;

/// <summary>
/// Step 5: the summary, built from <see cref="SummaryBuilder"/>. The people's suggestions go on one or more
/// <c>consult-summary-people</c> cards, packed so that no card comes near Teams' 28 KB message limit (nor much past two screens) however many
/// people and suggestions there are; a closing <c>consult-summary</c> card holds the suggestions for the plan as a
/// whole, the five principles, and the step's actions.
/// </summary>
internal static class SummaryStep
{
    // Estimated expanded bytes per card; the template adds roughly ItemOverhead bytes around every suggestion.
    private const int CardBudget = 20_000;
    private const int ItemOverhead = 300;
    private const int PersonOverhead = 1_200;

    // Suggestions (each with its "because" line) on one card, so that it stays within about two screens in Teams.
    private const int ItemsPerCard = 14;

    /// <summary>The people cards' data, in order (the first carries the summary's title and introduction).</summary>
    public static IReadOnlyList<JsonObject> PeopleCards(PracticeContent content, ConsultationSummary summary)
    {
        var text = content.Consultation.Steps["summary"];
        var batches = new List<List<JsonObject>>();
        var size = 0;
        var shown = 0;
        foreach (var person in summary.People.Select(p => Person(content, p)))
        {
            var estimate = Estimate(person);
            var items = Items(person);
            if (batches.Count == 0 || size + estimate > CardBudget || shown + items > ItemsPerCard)
            {
                batches.Add([]);
                size = 0;
                shown = 0;
            }

            batches[^1].Add(person);
            size += estimate;
            shown += items;
        }

        return batches.Select((batch, i) => new JsonObject
        {
            ["showHeader"] = i == 0,
            ["progress"] = content.Message(MessageKeys.ConsultProgress, ("n", 5), ("total", 6)),
            ["title"] = text.Title,
            ["intro"] = text.Intro,
            ["hasWarnings"] = i == 0 && summary.Warnings.Count > 0,
            ["warnings"] = Engine.CardData.Texts(i == 0 ? summary.Warnings : []),
            ["headings"] = Headings(content),
            ["people"] = new JsonArray([.. batch]),
        }).ToList();
    }

    /// <summary>The closing card's data: the plan as a whole, the principles; the dialog adds the step stamp.</summary>
    public static JsonObject ClosingCard(PracticeContent content, ConsultationSummary summary) => new()
    {
        ["progress"] = content.Message(MessageKeys.ConsultProgress, ("n", 5), ("total", 6)),
        ["title"] = content.Message(MessageKeys.SummaryFamily),
        ["headings"] = Headings(content),
        ["hasFamilySupport"] = summary.Family.Support.Count > 0,
        ["familySupport"] = Items(content, summary.Family.Support),
        ["hasFamilySafeguards"] = summary.Family.Safeguards.Count > 0,
        ["familySafeguards"] = Items(content, summary.Family.Safeguards),
        ["principlesTitle"] = content.Message(MessageKeys.SummaryPrinciples),
        ["principles"] = Engine.CardData.Texts(content.Suggestions.Principles.Select(p => p.Text)),
    };

    /// <summary>"Because you said: ..." for a suggestion; a suggestion with no reasons applies to every plan.</summary>
    public static string Because(PracticeContent content, Suggestion suggestion) =>
        suggestion.Because.Count == 0
            ? content.Message(MessageKeys.SummaryAlways)
            : content.Message(MessageKeys.SummaryBecause, ("answers", string.Join("; ", suggestion.Because)));

    private static JsonObject Person(PracticeContent content, PersonSummary person) => new()
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
    };

    private static JsonObject Headings(PracticeContent content) => new()
    {
        ["purposes"] = content.Message(MessageKeys.SummaryPurposes),
        ["forms"] = content.Message(MessageKeys.SummaryForms),
        ["support"] = content.Message(MessageKeys.SummarySupport),
        ["safeguards"] = content.Message(MessageKeys.SummarySafeguards),
        ["notSuggested"] = content.Message(MessageKeys.SummaryNotSuggested),
        ["nothing"] = content.Message(MessageKeys.SummaryNothing),
    };

    private static int Items(JsonObject person) =>
        new[] { "purposes", "forms", "support", "safeguards", "notSuggested" }.Sum(list => person[list]!.AsArray().Count);

    private static int Estimate(JsonObject person) =>
        PersonOverhead + new[] { "purposes", "forms", "support", "safeguards", "notSuggested" }
            .SelectMany(list => person[list]!.AsArray())
            .Sum(item => ItemOverhead + Encoding.UTF8.GetByteCount(item!.ToJsonString()));

    private static JsonArray Items(PracticeContent content, IReadOnlyList<Suggestion> suggestions, bool withDetail = true) =>
        new([.. suggestions.Select(s => (JsonNode)new JsonObject
        {
            ["text"] = s.Text,
            ["hasDetail"] = withDetail && s.Detail is not null,
            ["detail"] = withDetail ? s.Detail ?? string.Empty : string.Empty,
            ["because"] = Because(content, s),
        })]);
}
