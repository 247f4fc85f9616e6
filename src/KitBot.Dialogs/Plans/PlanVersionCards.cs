using System.Text.Json.Nodes;
using KitBot.Dialogs.Content;
using KitBot.Dialogs.Turns;
using M = KitBot.Dialogs.Content.PlanMessageKeys;

namespace KitBot.Dialogs.Plans;

/// <summary>
/// A plan's versions as cards: the list (<c>plan-versions</c>), one version to read and what changed in it
/// (<c>plan-version</c>). Read-only: the plan changes only through its own cards or an accepted review.
/// </summary>
internal static class PlanVersionCards
{
    /// <summary>The plan's versions, newest first, each with its date and reason.</summary>
    public static CardReply List(PracticeContent content, PlanState plan, string? timeZone)
    {
        var history = PlanVersions.History(plan);
        var oldest = history[0].Number;
        var current = history[^1].Number;
        var data = new JsonObject
        {
            ["plan"] = plan.Id,
            ["title"] = content.PlanMessage(M.VersionsTitle, ("title", plan.Title)),
            ["intro"] = content.PlanMessage(M.VersionsIntro, ("max", PlanVersions.MaxKept)),
            ["versions"] = new JsonArray([.. history.Reverse().Select(v => (JsonNode)new JsonObject
            {
                ["n"] = v.Number,
                ["label"] = content.PlanMessage(v.Number == current ? M.VersionsCurrent : M.VersionsItem, ("n", v.Number), ("date", PlanDrafter.Date(v.At, timeZone))),
                ["reason"] = Reason(content, v),
                ["hasChanges"] = v.Number > oldest,
            })]),
            ["labels"] = Labels(content),
        };
        return new CardReply(PlanTemplates.Versions, data, content.PlanMessage(M.VersionsSummary, ("title", plan.Title), ("count", history.Count)));
    }

    /// <summary>The plan as it was in version <paramref name="number"/>, or null when that version is not kept.</summary>
    public static CardReply? Version(PracticeContent content, PlanState plan, int number, string? timeZone)
    {
        if (PlanVersions.Find(plan, number) is not { } version || PlanVersions.TextAt(plan, number) is not { } texts)
        {
            return null;
        }

        var history = PlanVersions.History(plan);
        var date = PlanDrafter.Date(version.At, timeZone);
        var sections = texts.Select(t => Section(
            PlanCards.Heading(content, t.Id),
            t.Text.Split('\n').Where(l => l.Trim().Length > 0)));
        var data = Card(
            content, plan, number,
            content.PlanMessage(M.VersionTitle, ("title", plan.Title), ("date", date)),
            content.PlanMessage(M.VersionIntro, ("n", number), ("total", history.Count), ("date", date), ("reason", Reason(content, version))),
            sections,
            showChanges: number > history[0].Number,
            showVersion: false);
        return new CardReply(PlanTemplates.Version, data, content.PlanMessage(M.VersionTitle, ("title", plan.Title), ("date", date)));
    }

    /// <summary>What changed in version <paramref name="number"/> against the one before, or null when it is not kept.</summary>
    public static CardReply? Changes(PracticeContent content, PlanState plan, int number, string? timeZone)
    {
        if (PlanVersions.Find(plan, number) is not { } version)
        {
            return null;
        }

        var date = PlanDrafter.Date(version.At, timeZone);
        var title = content.PlanMessage(M.ChangesTitle, ("title", plan.Title), ("n", number));
        var changes = PlanVersions.Changes(plan, number);
        var intro = changes is null
            ? content.PlanMessage(M.ChangesFirst, ("n", number))
            : content.PlanMessage(M.ChangesIntro, ("n", number), ("date", date), ("reason", Reason(content, version)), ("before", number - 1))
                + (changes.Count == 0 ? " " + content.PlanMessage(M.ChangesNone) : string.Empty);
        var sections = (changes ?? []).Select(c => Section(
            PlanCards.Heading(content, c.Id),
            c.Added.Select(s => content.PlanMessage(M.ChangesAdded, ("sentence", s)))
                .Concat(c.Removed.Select(s => content.PlanMessage(M.ChangesRemoved, ("sentence", s))))));
        var data = Card(content, plan, number, title, intro, sections, showChanges: false, showVersion: true);
        return new CardReply(PlanTemplates.Version, data, title);
    }

    /// <summary>A version's reason; a version from before reasons were kept reads as the plan as first kept.</summary>
    public static string Reason(PracticeContent content, PlanVersion version) =>
        version.Reason.Length > 0 ? version.Reason : content.PlanMessage(M.VersionFirst);

    private static JsonObject Section(string heading, IEnumerable<string> lines) => new()
    {
        ["heading"] = heading,
        ["lines"] = new JsonArray([.. lines.Select(l => (JsonNode)new JsonObject { ["text"] = l })]),
    };

    private static JsonObject Card(
        PracticeContent content, PlanState plan, int number, string title, string intro, IEnumerable<JsonObject> sections, bool showChanges, bool showVersion) => new()
    {
        ["plan"] = plan.Id,
        ["n"] = number,
        ["title"] = title,
        ["intro"] = intro,
        ["sections"] = new JsonArray([.. sections]),
        ["showChanges"] = showChanges,
        ["showVersion"] = showVersion,
        ["labels"] = Labels(content),
    };

    private static JsonObject Labels(PracticeContent content) => new()
    {
        ["show"] = content.PlanMessage(M.VersionsShow),
        ["changes"] = content.PlanMessage(M.VersionsChanges),
        ["versions"] = content.PlanMessage(M.VersionsAll),
        ["open"] = content.PlanMessage(M.VersionsOpen),
        ["myPlans"] = content.PlanMessage(M.CardMyPlans),
    };
}
