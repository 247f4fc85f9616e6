using System.Text.Json.Nodes;
using KitBot.Dialogs.Content;
using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Privacy;
using KitBot.Dialogs.Turns;
using M = KitBot.Dialogs.Content.PlanMessageKeys;

namespace KitBot.Dialogs.Plans;

/// <summary>
/// The plan as <c>plan-sections</c> cards. Sections are packed into as few cards as fit well under Teams' 28 KB
/// message limit, never splitting a section between cards unless it is too long for one card on its own; then it
/// is divided at paragraph breaks into parts (<see cref="PlanParts"/>), each on its own card, each saved on its own.
/// </summary>
internal static class PlanCards
{
    // Estimated bytes of an expanded card, in the JSON the channel sends: fixed parts, and each section's parts
    // around its text. Checked against the real expansion by the plan card tests (largest plan, non-Latin text).
    private const int CardBudget = 22_000;
    private const int CardOverhead = 3_500;
    private const int SectionOverhead = 1_500;

    /// <summary>Every section of the plan, on as many cards as needed; the last offers the downloads.</summary>
    public static IReadOnlyList<CardReply> Plan(PracticeContent content, PlanState plan) =>
        Cards(content, plan, plan.Sections.Select(s => s.Id), showExport: true);

    /// <summary>
    /// One section on its own card (or cards, if long): after a save, or after a refused save. <paramref name="typed"/>
    /// puts the practitioner's refused text back in the part it came from, so nothing has to be typed again.
    /// </summary>
    public static IReadOnlyList<CardReply> Section(
        PracticeContent content, PlanState plan, string section, PrivacyConcern privacy = PrivacyConcern.None, (int Part, string Text)? typed = null) =>
        Cards(content, plan, [section], showExport: false, privacy, typed);

    private static List<CardReply> Cards(
        PracticeContent content, PlanState plan, IEnumerable<string> sections, bool showExport,
        PrivacyConcern privacy = PrivacyConcern.None, (int Part, string Text)? typed = null)
    {
        var items = new List<JsonObject>();
        foreach (var section in sections.Select(plan.Section).OfType<PlanSection>())
        {
            var parts = PlanParts.Split(section.Text);
            for (var i = 0; i < parts.Count; i++)
            {
                var text = typed is { } t && t.Part == i + 1 ? t.Text : parts[i].Text;
                items.Add(Item(content, plan, section, i + 1, parts.Count, text));
            }
        }

        var batches = new List<List<JsonObject>>();
        var size = 0;
        foreach (var item in items)
        {
            var estimate = SectionOverhead + PlanWriting.JsonBytes(item["text"]!.GetValue<string>()) + PlanWriting.JsonBytes(item["heading"]!.GetValue<string>()) * 2;
            if (batches.Count == 0 || size + estimate > CardBudget - CardOverhead)
            {
                batches.Add([]);
                size = 0;
            }

            batches[^1].Add(item);
            size += estimate;
        }

        return batches.Select((batch, i) =>
        {
            var data = new JsonObject
            {
                ["plan"] = plan.Id,
                ["title"] = plan.Title,
                ["showHeader"] = i == 0,
                ["intro"] = content.PlanMessage(M.CardIntro),
                ["hasProgress"] = batches.Count > 1,
                ["progress"] = content.PlanMessage(M.CardProgress, ("n", i + 1), ("total", batches.Count)),
                ["privacy"] = CardData.Privacy(content, privacy, content.PlanMessage(M.CardSave)),
                ["sections"] = new JsonArray([.. batch]),
                ["showExport"] = showExport && i == batches.Count - 1,
                ["exportTitle"] = content.PlanMessage(M.CardExportTitle),
                ["exportIntro"] = content.PlanMessage(M.CardExportIntro),
                ["labels"] = Labels(content),
            };
            var names = batch.Select(s => s["heading"]!.GetValue<string>()).Distinct();
            return new CardReply(PlanTemplates.Sections, data, content.PlanMessage(M.CardSummary, ("title", plan.Title), ("headings", string.Join(", ", names))));
        }).ToList();
    }

    /// <summary>A section's heading from plan.json.</summary>
    public static string Heading(PracticeContent content, string section) =>
        content.Plan.Sections.FirstOrDefault(s => s.Id == section)?.Heading ?? section;

    private static JsonObject Item(PracticeContent content, PlanState plan, PlanSection section, int part, int parts, string text)
    {
        var heading = Heading(content, section.Id);
        return new JsonObject
        {
            ["id"] = section.Id,
            ["heading"] = heading,
            ["hasPart"] = parts > 1,
            ["partLabel"] = content.PlanMessage(M.CardPart, ("n", part), ("total", parts)),
            ["isEdited"] = section.Edited,
            ["editedNote"] = content.PlanMessage(M.CardEdited),
            ["inputId"] = PlanInputs.Text(section.Id, part),
            ["inputLabel"] = content.PlanMessage(M.CardInputLabel, ("heading", heading)),
            ["text"] = text,
            ["maxLength"] = PlanParts.Budget,
            ["part"] = part,
            ["rev"] = section.Revision,
        };
    }

    private static JsonObject Labels(PracticeContent content) => new()
    {
        ["save"] = content.PlanMessage(M.CardSave),
        ["text"] = content.PlanMessage(M.CardText),
        ["word"] = content.PlanMessage(M.CardWord),
        ["plain"] = content.PlanMessage(M.CardPlain),
        ["myPlans"] = content.PlanMessage(M.CardMyPlans),
    };
}
