using System.Globalization;
using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Plans;
using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Reviews.Guided;

/// <summary>
/// A review as a short guided consultation: for each person, did keeping in touch happen as planned, how the child
/// responded before, during and after, anything new; then the child's wishes and feelings. KitBot proposes changes to
/// the plan sections the answers touch, each with the answers that led to it and worded as a suggestion, and an
/// earlier next review after unplanned contact or a new sibling. Nothing changes until the practitioner accepts:
/// starting and answering keep nothing; accepting (answered by the host) makes a new plan version.
/// </summary>
public static class GuidedReviews
{
    /// <summary>How soon an earlier review is proposed after a trigger (PRACTICE.md: unplanned contact, a new sibling).</summary>
    public static readonly TimeSpan EarlierWithin = TimeSpan.FromDays(28);

    /// <summary>The "anything new" choices, by value.</summary>
    public static IReadOnlyList<(string Value, string Title)> News { get; } =
    [
        ("circumstances", "A relative's circumstances changed"),
        ("sibling", "A new sibling was born"),
        ("social", "Unplanned contact or a social media approach"),
        ("asking", "The child asked for more or less contact"),
        ("move", "A move (the child's family or this person)"),
        ("adolescence", "Adolescence is changing what the child needs"),
    ];

    /// <summary>Registers starting and answering (accepting is a host verb).</summary>
    public static void Register(VerbRegistry verbs)
    {
        ArgumentNullException.ThrowIfNull(verbs);
        verbs
            .Add(GuidedReviewVerbs.Start, (ctx, action) => Start(ctx, action, changed: false))
            .Add(GuidedReviewVerbs.Changed, (ctx, action) => Start(ctx, action, changed: true))
            .Add(GuidedReviewVerbs.Answer, Answer);
    }

    /// <summary>The questions for the plan the action names (or, typed with no plan, the newest plan).</summary>
    public static TurnResult Start(DialogContext ctx, CardAction action, bool changed)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(action);
        var plan = PlanOf(ctx.State, action) ?? (action.Value(ReviewVerbs.PlanId) is null && action.Value("plan") is null
            ? ctx.State.Plans.OrderByDescending(p => p.Updated).FirstOrDefault()
            : null);
        if (plan is null)
        {
            return ctx.Say(new TextReply("A review belongs to a plan, and I could not find that plan in your plans. Type my plans to see them."));
        }

        return ctx.Say(GuidedReviewCards.Questions(plan, People(ctx.State, plan), action.Value(ReviewVerbs.ReviewId), changed, LifeStagePrompt.For(action.Value("stage"))));
    }

    /// <summary>The answers read, and the suggested changes shown. The plan is not changed.</summary>
    public static TurnResult Answer(DialogContext ctx, CardAction action)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(action);
        if (PlanOf(ctx.State, action) is not { } plan)
        {
            return ctx.Say(new TextReply("That plan is no longer in your plans, so there is nothing to review. Type my plans to see them."));
        }

        var answers = Read(action, People(ctx.State, plan));
        var proposals = Propose(answers, Reviews.Today(ctx.Turn));
        return ctx.Say(GuidedReviewCards.Proposals(plan, proposals, action.Value(ReviewVerbs.ReviewId)));
    }

    /// <summary>The answers on a submitted questions card.</summary>
    public static ReviewAnswers Read(CardAction action, IReadOnlyList<PlanPerson> people)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(people);
        string V(string key) => (action.Value(key) ?? string.Empty).Trim();
        return new ReviewAnswers(
            [.. people.Select(p => new PersonReview(
                p.Id, p.Label, V("h_" + p.Id), V("b_" + p.Id), V("d_" + p.Id), V("a_" + p.Id), PlanWriting.Clean(V("n_" + p.Id)),
                V("x_" + p.Id).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal)))],
            PlanWriting.Clean(V("wishes")),
            V("wishesHow"),
            LifeStagePrompt.For(V("stage")),
            PlanWriting.Clean(V("stageNote")));
    }

    /// <summary>
    /// The changes the answers suggest, each with the answers that led to it, and an earlier next review (within
    /// <see cref="EarlierWithin"/> of <paramref name="today"/>, on a working day) after unplanned contact or a new sibling.
    /// </summary>
    public static GuidedProposals Propose(ReviewAnswers answers, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var changes = new List<ReviewProposal>();
        var early = new List<string>();
        foreach (var p in answers.People)
        {
            var the = The(p.Label);
            string Why(string what) => $"{p.Label}: {what}";
            var note = p.Note.Length > 0 ? $" (your note: \"{p.Note}\")" : string.Empty;
            switch (p.Happened)
            {
                case "no":
                    changes.Add(new(PlanSectionIds.KeepingInTouch, $"Keeping in touch with {the} did not happen as planned{note}. You may want to find out why, and consider what support or change of arrangement would help.", Why("keeping in touch did not happen as planned")));
                    break;
                case "partly":
                    changes.Add(new(PlanSectionIds.KeepingInTouch, $"Keeping in touch with {the} happened only in part{note}. You may want to consider whether the arrangements still suit everyone.", Why("keeping in touch happened in part")));
                    break;
            }

            var unsettled = new[] { ("before", p.Before), ("during", p.During), ("after", p.After) }.Where(x => x.Item2 == "unsettled").Select(x => x.Item1).ToList();
            if (unsettled.Count > 0)
            {
                var when = string.Join(" and ", unsettled);
                changes.Add(new(PlanSectionIds.Support, $"The child was unsettled {when} keeping in touch with {the}. You may want to consider more preparation beforehand and time to talk afterwards, and watch how the child responds next time.", Why($"the child was unsettled {when}")));
            }

            if (p.News.Contains("social"))
            {
                changes.Add(new(PlanSectionIds.KeepingInTouch, $"Suggested safeguard after unplanned contact or a social media approach from {the}: you may want to agree with the adoptive parents what they will do if it happens again, how the child is prepared and supported, and whether the arrangements with {the} still keep the child safe.", Why("unplanned contact or a social media approach")));
                early.Add(Why("unplanned contact or a social media approach"));
            }

            if (p.News.Contains("sibling"))
            {
                changes.Add(new(PlanSectionIds.People, $"A new sibling has been born in {the}'s family. You may want to consider whether, and how, the child keeps in touch with them as they grow up.", Why("a new sibling was born")));
                early.Add(Why("a new sibling was born"));
            }

            if (p.News.Contains("circumstances"))
            {
                changes.Add(new(PlanSectionIds.Strengths, $"The circumstances of {the} have changed since the plan was written. You may want to look again at their strengths and challenges.", Why("their circumstances changed")));
            }

            if (p.News.Contains("asking"))
            {
                changes.Add(new(PlanSectionIds.KeepingInTouch, $"The child is asking for a change in keeping in touch with {the}. You may want to talk with the child about it and consider changing how often, or how, they keep in touch.", Why("the child asked for more or less")));
            }

            if (p.News.Contains("move"))
            {
                changes.Add(new(PlanSectionIds.KeepingInTouch, $"A move affects the arrangements with {the}. You may want to check where, and how often, they can keep in touch.", Why("a move")));
            }

            if (p.News.Contains("adolescence"))
            {
                changes.Add(new(PlanSectionIds.Support, $"As the child reaches adolescence, you may want to agree how they will have more say in keeping in touch with {the}, including online.", Why("adolescence")));
            }
        }

        if (answers.Stage is { } stage)
        {
            changes.Add(new(stage.Section, stage.Suggestion, $"Life stage: {stage.Name}"));
            if (answers.StageNote.Length > 0)
            {
                changes.Add(new(PlanSectionIds.Review, $"At the life-stage review ({stage.Name}): \"{answers.StageNote}\". You may want to come back to this at the next review.", $"Life stage: {stage.Name}, your note"));
            }
        }

        if (answers.Wishes.Length > 0)
        {
            var how = answers.WishesHow switch
            {
                "said" => " The child said so.",
                "shown" => " This is known from how the child behaves and responds.",
                "adopters" => " This is known through the adoptive parents.",
                _ => string.Empty,
            };
            changes.Add(new(PlanSectionIds.Review, $"The child's wishes and feelings at this review: \"{answers.Wishes}\".{how} You may want to seek them again at the next review.", "The child's wishes and feelings now"));
        }

        return new GuidedProposals(changes, early.Count > 0 ? WorkingDayOnOrBefore(today.AddDays(EarlierWithin.Days)) : null, string.Join("; ", early));
    }

    /// <summary>
    /// Accepts the kept proposals on a proposals card: the plan gets a new version with them added to their sections
    /// (as edited), and the outcome tells the host to mark the review done and perhaps bring the next one forward.
    /// A card whose plan has changed since (or was accepted already) changes nothing and says so.
    /// </summary>
    public static AcceptOutcome Accept(ConversationState state, CardAction action, DateTimeOffset now, string? timeZone, Content.PracticeContent content)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(content);
        if (PlanOf(state, action) is not { } plan)
        {
            return new(state, [new TextReply("That plan is no longer in your plans, so nothing has been changed. Type my plans to see them.")], false, null, null);
        }

        var version = int.TryParse(action.Value(GuidedReviewVerbs.PlanVersion), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : -1;
        if (version != PlanVersions.Current(plan))
        {
            return new(state, [new TextReply("The plan has changed since these suggestions were made, or they were already accepted, so nothing has been changed. Start the review again to see suggestions for the plan as it is now.")], false, plan.Id, null);
        }

        var sections = (action.Value(GuidedReviewVerbs.ProposalSections) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
        var added = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < sections.Length; i++)
        {
            var keep = !string.Equals(action.Value(GuidedReviewVerbs.ProposalKeep(i + 1)), "false", StringComparison.OrdinalIgnoreCase);
            var text = PlanWriting.Clean(action.Value(GuidedReviewVerbs.ProposalText(i + 1)) ?? string.Empty);
            if (keep && text.Length > 0 && plan.Section(sections[i]) is not null)
            {
                (added.TryGetValue(sections[i], out var list) ? list : added[sections[i]] = []).Add(text);
            }
        }

        // What goes into the plan is checked as a saved edit is: personal details stop the accept, and the card stays
        // on screen to edit (KitBot's own wording uses labels, so a finding comes from the practitioner's words).
        var found = added.Values.SelectMany(l => l).SelectMany(content.Privacy.Find).ToList();
        var concerns = found.Aggregate(Privacy.PrivacyConcern.None, (all, f) => all | f.Kind);
        if (concerns != Privacy.PrivacyConcern.None)
        {
            return new(state, [new TextReply(CardData.PrivacyMessage(content, concerns, found, "Accept what I kept")), new TextReply("Nothing has been changed yet: edit the text on the suggestions card, then accept again.")], false, plan.Id, null);
        }

        var earlier = string.Equals(action.Value(GuidedReviewVerbs.EarlierKeep), "true", StringComparison.OrdinalIgnoreCase)
            && DateOnly.TryParseExact(action.Value(GuidedReviewVerbs.EarlierDate), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
        var kept = added.Values.Sum(l => l.Count);
        var updated = PlanVersions.Commit(
            plan,
            [.. plan.Sections.Select(s => added.TryGetValue(s.Id, out var texts)
                ? s with { Text = s.Text.TrimEnd() + "\n\n" + string.Join("\n", texts), Revision = s.Revision + 1, Edited = true }
                : s)],
            kept == 1 ? "Review accepted: 1 suggested change kept" : $"Review accepted: {kept} suggested changes kept",
            now);
        var newState = kept > 0 ? state with { Plans = [.. state.Plans.Select(p => p.Id == plan.Id ? updated : p)] } : state;
        var replies = new List<Reply>
        {
            new TextReply(kept > 0
                ? $"Accepted. {plan.Title} is now version {PlanVersions.Current(updated)}, with {kept} change(s) from this review. Here is what changed; earlier versions stay readable from Versions."
                : "Accepted, with no changes to the plan's text."),
        };
        if (kept > 0 && PlanVersionCards.Changes(content, updated, PlanVersions.Current(updated), timeZone) is { } card)
        {
            replies.Add(card);
        }

        return new(newState, replies, true, plan.Id, earlier);
    }

    /// <summary>The people a review asks about: the plan's own, else those of the consultation it came from.</summary>
    public static IReadOnlyList<PlanPerson> People(ConversationState state, PlanState plan)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.People.Count > 0)
        {
            return plan.People;
        }

        return state.Consultation is { } c && c.Id == plan.ConsultationId
            ? [.. c.People.Select(p => new PlanPerson(p.Id, p.Label.Length > 0 ? p.Label : p.Relationship))]
            : [new PlanPerson("all", "Everyone in the plan")];
    }

    /// <summary>The plan named by <c>pid</c> (review cards) or <c>plan</c> (plan cards).</summary>
    public static PlanState? PlanOf(ConversationState state, CardAction action)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(action);
        var id = action.Value(ReviewVerbs.PlanId) ?? action.Value("plan");
        return id is null ? null : state.Plans.FirstOrDefault(p => p.Id == id);
    }

    /// <summary>The date itself on a working day, else the Friday before (so "within four weeks" stays within).</summary>
    public static DateOnly WorkingDayOnOrBefore(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(-1),
        DayOfWeek.Sunday => date.AddDays(-2),
        _ => date,
    };

    private static string The(string label) =>
        label.Length == 0 ? "this person"
        : label.StartsWith("Everyone", StringComparison.Ordinal) ? "everyone in the plan"
        : "the " + char.ToLowerInvariant(label[0]) + label[1..];
}
