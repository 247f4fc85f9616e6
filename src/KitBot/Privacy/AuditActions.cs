using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Plans;
using KitBot.Dialogs.Turns;

namespace KitBot.Privacy;

/// <summary>
/// What a turn did, as audit actions, read from the state before and after it and from the action pressed:
/// names and ids only.
/// </summary>
public static class AuditActions
{
    public const string ConsultationStarted = "consultation.started";
    public const string ConsultationFinished = "consultation.finished";
    public const string PlanCreated = "plan.created";
    public const string PlanDeleted = "plan.deleted";
    public const string PlanExported = "plan.exported";
    public const string Forgotten = "privacy.forgotten";
    public const string RetentionPurged = "retention.purged";

    public static IReadOnlyList<(string Action, string? Subject)> Of(Turn turn, ConversationState before, ConversationState after)
    {
        var actions = new List<(string, string?)>();
        if (after.Consultation is { } now && now.Id != before.Consultation?.Id)
        {
            actions.Add((ConsultationStarted, now.Id));
        }

        if (after.Consultation is { Completed: not null } done
            && (before.Consultation?.Id != done.Id || before.Consultation.Completed is null))
        {
            actions.Add((ConsultationFinished, done.Id));
        }

        var beforePlans = before.Plans.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var afterPlans = after.Plans.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        actions.AddRange(afterPlans.Where(id => !beforePlans.Contains(id)).Select(id => (PlanCreated, (string?)id)));
        actions.AddRange(beforePlans.Where(id => !afterPlans.Contains(id)).Select(id => (PlanDeleted, (string?)id)));

        if (turn.Input is CardActionInput { Action: var action }
            && action.Verb is PlanVerbs.Export or PlanVerbs.Text
            && Value(action, "plan") is { } planId
            && afterPlans.Contains(planId))
        {
            // Only an export of one of this person's own plans happened; a refused one (someone else's id, a made-up
            // value) is not recorded. Review actions are audited by the host when they change a review.
            actions.Add((PlanExported, planId));
        }

        return actions;
    }

    private static string? Value(CardAction action, string key) => action.Values.TryGetValue(key, out var value) ? value : null;
}
