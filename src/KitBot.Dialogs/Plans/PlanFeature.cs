using System.Globalization;
using System.Text.Json.Nodes;
using KitBot.Dialogs.Consultation;
using KitBot.Dialogs.Content;
using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Privacy;
using KitBot.Dialogs.Turns;
using M = KitBot.Dialogs.Content.PlanMessageKeys;

namespace KitBot.Dialogs.Plans;

/// <summary>
/// Draft plans: drafted when a consultation finishes, kept in the practitioner's own state, shown as editable
/// cards, saved section by section, sent as plain text, downloaded, listed in My plans and deleted. Plan actions
/// belong to no dialog step, so they work whatever else is in progress; each names its plan, and a save names the
/// section's revision, so a click on an old card never overwrites a newer change.
/// </summary>
internal sealed class PlanFeature(PracticeContent content)
{
    public void Register(VerbRegistry verbs) => verbs
        .Add(PlanVerbs.Save, Save)
        .Add(PlanVerbs.Text, SendText)
        .Add(PlanVerbs.Export, Export)
        .Add(PlanVerbs.Open, Open)
        .Add(PlanVerbs.Delete, Delete)
        .Add(PlanVerbs.DeleteConfirmed, DeleteConfirmed)
        .Add(PlanVerbs.Versions, ListVersions)
        .Add(PlanVerbs.Version, ShowVersion)
        .Add(PlanVerbs.Changes, ShowChanges);

    /// <summary>
    /// A finished consultation's plan: drafted, kept newest first (removing the oldest beyond the limit, and saying
    /// so), and shown.
    /// </summary>
    public TurnResult Drafted(DialogContext ctx, ConversationState state, ConsultationState finished)
    {
        var now = ctx.Turn.Timestamp;
        var plan = new PlanState
        {
            Id = StepCards.NewId("pl", state, now),
            Title = PlanDrafter.Title(content, finished, ctx.Turn.TimeZone),
            ConsultationId = finished.Id,
            Created = now,
            Updated = now,
            Sections = PlanDrafter.Draft(content, finished),
            AgeBand = finished.Child?.AgeBand ?? string.Empty,
            Journey = finished.Child?.Journey ?? string.Empty,
            People = [.. finished.People.Select(p => new PlanPerson(p.Id, p.Label.Length > 0 ? p.Label : p.Relationship))],
        };
        plan = PlanVersions.First(plan, Say(M.VersionDrafted));

        var replies = new List<Reply> { new TextReply(Say(M.PlanDrafted)) };
        var plans = new List<PlanState>(state.Plans);
        var max = content.Plan.MaxPlans;
        while (plans.Count >= max)
        {
            var oldest = plans.OrderBy(p => p.Updated).ThenBy(p => p.Created).First();
            plans.Remove(oldest);
            replies.Add(new TextReply(Say(M.PlanLimit, ("max", max), ("title", oldest.Title))));
        }

        replies.AddRange(PlanCards.Plan(content, plan));
        return new TurnResult(state with { Plans = [plan, .. plans] }, replies);
    }

    /// <summary>"My plans" on the menu: the practitioner's plans, newest first.</summary>
    public TurnResult List(DialogContext ctx, CardAction action) => ctx.Say(ListCard(ctx, ctx.State));

    private TurnResult Open(DialogContext ctx, CardAction action) =>
        Find(ctx.State, action) is { } plan ? ctx.Say([.. PlanCards.Plan(content, plan)]) : Missing(ctx);

    private TurnResult Save(DialogContext ctx, CardAction action)
    {
        if (Find(ctx.State, action) is not { } plan)
        {
            return Missing(ctx);
        }

        if (action.Value(PlanInputs.Section) is not { } id || plan.Section(id) is not { } section)
        {
            return ctx.Say(new TextReply(Say(M.PlanMissing)));
        }

        var heading = PlanCards.Heading(content, section.Id);
        var part = int.TryParse(action.Value(PlanInputs.Part), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : 1;
        var revision = int.TryParse(action.Value(PlanInputs.Revision), NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) ? r : (int?)null;
        var text = PlanWriting.Clean(action.Values.GetValueOrDefault(PlanInputs.Text(section.Id, part)) ?? string.Empty);
        var parts = PlanParts.Split(section.Text);
        var current = part >= 1 && part <= parts.Count ? parts[part - 1].Text : null;

        // The same text again (a second click, or an old card nobody changed) changes nothing, whatever its revision.
        if (current is not null && text == PlanWriting.Clean(current))
        {
            return ctx.Say(new TextReply(Say(M.PlanUnchanged, ("heading", heading))));
        }

        // Saved from a card sent before the section last changed: applying it would undo that change.
        if (current is null || revision != section.Revision)
        {
            return ctx.Say([new TextReply(Say(M.PlanStale, ("heading", heading))), .. PlanCards.Section(content, plan, section.Id)]);
        }

        if (text.Length == 0)
        {
            return ctx.Say(new TextReply(Say(M.PlanEmpty, ("heading", heading))));
        }

        if (PlanWriting.JsonBytes(text) > PlanParts.Budget)
        {
            return ctx.Say(new TextReply(Say(M.PlanTooLong, ("heading", heading))));
        }

        // Only what the practitioner added is checked: the draft's own words are not theirs to rephrase.
        var before = current.Split('\n').Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
        var added = string.Join('\n', text.Split('\n').Where(l => !before.Contains(l.Trim())));
        var found = content.Privacy.Find(added);
        var concerns = found.Aggregate(PrivacyConcern.None, (all, f) => all | f.Kind);
        var keep = string.Equals(action.Value(PlanInputs.PrivacyKeep), "true", StringComparison.OrdinalIgnoreCase);
        var blocking = concerns == PrivacyConcern.Name && keep ? PrivacyConcern.None : concerns;
        if (blocking != PrivacyConcern.None)
        {
            return ctx.Say(
            [
                new TextReply(CardData.PrivacyMessage(content, blocking, found, Say(M.CardSave))),
                new TextReply(Say(M.PlanPrivacyKept)),
                .. PlanCards.Section(content, plan, section.Id, blocking, (part, text)),
            ]);
        }

        var saved = section with { Text = PlanParts.Replace(parts, part - 1, text), Revision = section.Revision + 1, Edited = true };
        var updated = PlanVersions.Commit(
            plan, [.. plan.Sections.Select(s => s.Id == saved.Id ? saved : s)], Say(M.VersionEdited, ("heading", heading)), ctx.Turn.Timestamp);
        return DialogContext.Say(
            ctx.State with { Plans = [.. ctx.State.Plans.Select(x => x.Id == plan.Id ? updated : x)] },
            [new TextReply(Say(M.PlanSaved, ("heading", heading))), .. PlanCards.Section(content, updated, saved.Id)]);
    }

    /// <summary>The section as plain messages, ready to paste: one message, or one per part of a long section.</summary>
    private TurnResult SendText(DialogContext ctx, CardAction action)
    {
        if (Find(ctx.State, action) is not { } plan)
        {
            return Missing(ctx);
        }

        if (action.Value(PlanInputs.Section) is not { } id || plan.Section(id) is not { } section)
        {
            return ctx.Say(new TextReply(Say(M.PlanMissing)));
        }

        var heading = PlanCards.Heading(content, section.Id);
        var parts = PlanParts.Split(section.Text);
        return ctx.Say([.. parts.Select((part, i) => new TextReply(
            (parts.Count == 1 ? heading : Say(M.PlanTextPart, ("heading", heading), ("n", i + 1), ("total", parts.Count))) + "\n\n" + part.Text))]);
    }

    private TurnResult Export(DialogContext ctx, CardAction action)
    {
        if (Find(ctx.State, action) is not { } plan)
        {
            return Missing(ctx);
        }

        // A link in a channel or group chat could be opened by anyone there: downloads are for the personal chat.
        if (ctx.Turn.Conversation.IsGroup)
        {
            return ctx.Say(new TextReply(Say(M.PlanDownloadGroup)));
        }

        return action.Value(PlanInputs.Format) switch
        {
            "docx" => ctx.Say(new DownloadReply(plan.Id, PlanFormat.Word, Say(M.PlanDownloadWord, ("title", plan.Title)), Say(M.CardWord))),
            "txt" => ctx.Say(new DownloadReply(plan.Id, PlanFormat.Text, Say(M.PlanDownloadText, ("title", plan.Title)), Say(M.CardPlain))),
            _ => ctx.Say(new TextReply(Say(M.PlanMissing))),
        };
    }

    private TurnResult Delete(DialogContext ctx, CardAction action)
    {
        if (Find(ctx.State, action) is not { } plan)
        {
            return ctx.Say(new TextReply(Say(M.DeleteAlready)), ListCard(ctx, ctx.State));
        }

        var data = new JsonObject
        {
            ["plan"] = plan.Id,
            ["title"] = Say(M.DeleteTitle),
            ["prompt"] = Say(M.DeletePrompt, ("title", plan.Title)),
            ["yes"] = Say(M.DeleteYes),
            ["no"] = Say(M.DeleteNo),
        };
        return ctx.Say(new CardReply(PlanTemplates.Delete, data, Say(M.DeletePrompt, ("title", plan.Title))));
    }

    // Deleting by id is idempotent: a second click on "Yes" finds nothing and says so.
    private TurnResult DeleteConfirmed(DialogContext ctx, CardAction action)
    {
        if (Find(ctx.State, action) is not { } plan)
        {
            return ctx.Say(new TextReply(Say(M.DeleteAlready)), ListCard(ctx, ctx.State));
        }

        var state = ctx.State with { Plans = [.. ctx.State.Plans.Where(p => p.Id != plan.Id)] };
        return DialogContext.Say(state, new TextReply(Say(M.DeleteDone, ("title", plan.Title))), ListCard(ctx, state));
    }

    private TurnResult ListVersions(DialogContext ctx, CardAction action) =>
        Find(ctx.State, action) is { } plan ? ctx.Say(PlanVersionCards.List(content, plan, ctx.Turn.TimeZone)) : Missing(ctx);

    private TurnResult ShowVersion(DialogContext ctx, CardAction action)
    {
        if (Find(ctx.State, action) is not { } plan)
        {
            return Missing(ctx);
        }

        return Number(action) is { } n && PlanVersionCards.Version(content, plan, n, ctx.Turn.TimeZone) is { } card
            ? ctx.Say(card)
            : ctx.Say(new TextReply(Say(M.VersionMissing, ("max", PlanVersions.MaxKept))), PlanVersionCards.List(content, plan, ctx.Turn.TimeZone));
    }

    private TurnResult ShowChanges(DialogContext ctx, CardAction action)
    {
        if (Find(ctx.State, action) is not { } plan)
        {
            return Missing(ctx);
        }

        return Number(action) is { } n && PlanVersionCards.Changes(content, plan, n, ctx.Turn.TimeZone) is { } card
            ? ctx.Say(card)
            : ctx.Say(new TextReply(Say(M.VersionMissing, ("max", PlanVersions.MaxKept))), PlanVersionCards.List(content, plan, ctx.Turn.TimeZone));
    }

    private static int? Number(CardAction action) =>
        int.TryParse(action.Value(PlanInputs.Version), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private CardReply ListCard(DialogContext ctx, ConversationState state)
    {
        var plans = state.Plans.OrderByDescending(p => p.Created).ThenByDescending(p => p.Id, StringComparer.Ordinal).ToList();
        var data = new JsonObject
        {
            ["title"] = Say(M.ListTitle),
            ["intro"] = Say(M.ListIntro),
            ["hasPlans"] = plans.Count > 0,
            ["empty"] = Say(M.ListEmpty),
            ["plans"] = new JsonArray([.. plans.Select(p => (JsonNode)new JsonObject
            {
                ["id"] = p.Id,
                ["title"] = p.Title,
                ["updated"] = Say(M.ListUpdated, ("date", PlanDrafter.Date(p.Updated, ctx.Turn.TimeZone))),
            })]),
            ["labels"] = new JsonObject
            {
                ["open"] = Say(M.ListOpen),
                ["delete"] = Say(M.ListDelete),
                ["consult"] = Say(M.ListConsult),
                ["menu"] = Say(M.ListMenu),
            },
        };
        return new CardReply(PlanTemplates.List, data, Say(M.ListSummary, ("count", plans.Count)));
    }

    private TurnResult Missing(DialogContext ctx) => ctx.Say(new TextReply(Say(M.PlanMissing)), ListCard(ctx, ctx.State));

    private static PlanState? Find(ConversationState state, CardAction action) =>
        action.Value(PlanInputs.Plan) is { } id ? state.Plans.FirstOrDefault(p => p.Id == id) : null;

    private string Say(string key, params (string Name, object Value)[] values) => content.PlanMessage(key, values);
}
