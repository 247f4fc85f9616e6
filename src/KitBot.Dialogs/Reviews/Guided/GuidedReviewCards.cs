using System.Globalization;
using System.Text.Json.Nodes;
using KitBot.Dialogs.Plans;
using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Reviews.Guided;

/// <summary>The guided review's cards: the questions (<c>review-guide</c>) and the suggested changes (<c>review-changes</c>).</summary>
public static class GuidedReviewCards
{
    /// <summary>The questions card's template.</summary>
    public const string QuestionsTemplate = "review-guide";

    /// <summary>The suggested changes card's template.</summary>
    public const string ProposalsTemplate = "review-changes";

    /// <summary>The questions for <paramref name="plan"/>: one block per person, then the child's wishes and feelings.</summary>
    public static CardReply Questions(PlanState plan, IReadOnlyList<PlanPerson> people, string? reviewId, bool changed, LifeStagePrompt? stage = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(people);
        var data = new JsonObject
        {
            ["pid"] = plan.Id,
            ["rid"] = reviewId ?? string.Empty,
            ["ver"] = PlanVersions.Current(plan).ToString(CultureInfo.InvariantCulture),
            ["stage"] = stage?.Name ?? string.Empty,
            ["hasStage"] = stage is not null,
            ["stageTitle"] = stage is null ? string.Empty : $"Life stage: {stage.Name}",
            ["stageQuestions"] = new JsonArray([.. (stage?.Questions ?? []).Select(q => (JsonNode)new JsonObject { ["text"] = q })]),
            ["title"] = changed ? $"Something has changed: {plan.Title}" : $"Review: {plan.Title}",
            ["intro"] = changed
                ? "Tell me what has changed for each person, and KitBot will suggest changes to the plan, and an earlier review if one may be needed. Nothing in the plan changes until you accept."
                : "A short review of how keeping in touch has gone since the plan was written or last reviewed. Answer what you know; KitBot then suggests changes for you to accept, edit or drop. Nothing in the plan changes until you accept.",
            ["people"] = new JsonArray([.. people.Select(p => (JsonNode)new JsonObject
            {
                ["label"] = p.Label,
                ["happenedId"] = "h_" + p.Id,
                ["beforeId"] = "b_" + p.Id,
                ["duringId"] = "d_" + p.Id,
                ["afterId"] = "a_" + p.Id,
                ["noteId"] = "n_" + p.Id,
                ["newsId"] = "x_" + p.Id,
            })]),
        };
        return new CardReply(QuestionsTemplate, data, $"Review questions for {plan.Title}");
    }

    /// <summary>The suggested changes, each in an editable box with the answers that led to it and a keep toggle.</summary>
    public static CardReply Proposals(PlanState plan, GuidedProposals proposals, string? reviewId)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(proposals);
        var data = new JsonObject
        {
            ["pid"] = plan.Id,
            ["rid"] = reviewId ?? string.Empty,
            ["ver"] = PlanVersions.Current(plan).ToString(CultureInfo.InvariantCulture),
            ["secs"] = string.Join(',', proposals.Changes.Select(c => c.Section)),
            ["title"] = $"Suggested changes: {plan.Title}",
            ["intro"] = proposals.Changes.Count == 0 && proposals.EarlierBy is null
                ? "Your answers suggest no changes to the plan. Accept to record the review; the plan's text stays as it is."
                : "These are suggestions for you and your manager to weigh, not decisions. Edit any text, switch off what you do not want, then accept: only what you keep goes into the plan, as a new version. Nothing changes until you accept.",
            ["proposals"] = new JsonArray([.. proposals.Changes.Select((c, i) => (JsonNode)new JsonObject
            {
                ["heading"] = $"Suggested for {Heading(c.Section)}",
                ["because"] = $"Because: {c.Because}",
                ["textId"] = GuidedReviewVerbs.ProposalText(i + 1),
                ["keepId"] = GuidedReviewVerbs.ProposalKeep(i + 1),
                ["text"] = c.Text,
            })]),
            ["hasEarlier"] = proposals.EarlierBy is not null,
            ["early"] = proposals.EarlierBy?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
            ["earlyText"] = proposals.EarlierBy is { } by
                ? $"Suggested: bring the next review forward to {ReviewCards.Show(by)} (within four weeks), unless it is already due sooner. Because: {proposals.EarlierBecause}."
                : string.Empty,
        };
        return new CardReply(ProposalsTemplate, data, $"Suggested changes for {plan.Title}");
    }

    private static string Heading(string section) => section switch
    {
        PlanSectionIds.Purpose => "Purpose",
        PlanSectionIds.People => "Who is important and why",
        PlanSectionIds.Strengths => "Strengths and challenges",
        PlanSectionIds.KeepingInTouch => "Provisional keeping in touch plan",
        PlanSectionIds.Support => "Provisional support plan",
        PlanSectionIds.Review => "Reviewing the plan",
        _ => section,
    };
}
