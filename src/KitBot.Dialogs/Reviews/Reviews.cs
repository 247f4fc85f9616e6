using System.Globalization;
using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Reviews;

/// <summary>
/// The reviews feature's entry point for the dialog core. It registers the verbs that need no storage
/// (setting reviews up and proposing dates); the verbs in <see cref="ReviewVerbs.Stored"/> are answered by
/// the host, which applies <see cref="ReviewDecisions"/> and <see cref="ReviewProposals"/> to the reviews table.
/// </summary>
public static class Reviews
{
    /// <summary>Registers the set-up and proposal verbs (a duplicate verb throws at start-up).</summary>
    public static void Register(VerbRegistry verbs, ReviewRules rules)
    {
        ArgumentNullException.ThrowIfNull(verbs);
        ArgumentNullException.ThrowIfNull(rules);
        verbs
            .Add(ReviewVerbs.Setup, (ctx, action) => Setup(ctx, action, rules))
            .Add(ReviewVerbs.Propose, (ctx, action) => ctx.Say(Propose(ctx.State, action, rules, Today(ctx.Turn)).ToArray()));
    }

    /// <summary>
    /// The set-up card for the plan the action names (from a plan card), or with a choice of the practitioner's plans
    /// (from the menu or typed "set up reviews").
    /// </summary>
    public static TurnResult Setup(DialogContext ctx, CardAction action, ReviewRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(action);
        if (ctx.State.Plans.Count == 0)
        {
            return ctx.Say(
                new TextReply("Reviews belong to a plan. Start a consultation and KitBot drafts the plan with you; then set up its reviews from the plan's last card."),
                Menu.MainMenu.Menu(firstTime: false));
        }

        return ctx.Say(ReviewCards.Setup(ctx.State.Plans, PlanOf(ctx.State, action), action, rules?.Options.EffectiveEvents));
    }

    /// <summary>
    /// The practitioner's date for a turn: in the time zone the channel gives, else Europe/London (KitBot's default).
    /// </summary>
    public static DateOnly Today(Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var zone = turn.TimeZone is { Length: > 0 } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var z) ? z
            : TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var london) ? london : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(turn.Timestamp, zone).DateTime);
    }

    /// <summary>
    /// The proposals for a submitted set-up card, worked out forward from <paramref name="today"/>, or the card again
    /// (with what was typed) and what is missing.
    /// </summary>
    public static IReadOnlyList<Reply> Propose(ConversationState state, CardAction action, ReviewRules rules, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(rules);
        var plan = PlanOf(state, action);
        IReadOnlyList<Reply> Again(string problem) => [new TextReply(problem), ReviewCards.Setup(state.Plans, plan, action, rules.Options.EffectiveEvents)];
        if (plan is null)
        {
            return state.Plans.Count == 0
                ? [new TextReply("Reviews belong to a plan, and this plan is no longer in your plans. Type my plans to see them.")]
                : Again("Please choose the plan these reviews are for.");
        }

        if (!Enum.TryParse<ReviewStage>(action.Value("stage"), out var stage) || !Enum.IsDefined(stage))
        {
            return Again("Please choose where the child is in the adoption process.");
        }

        if (ReviewCards.ReadDate(action.Value("start")) is not { } start)
        {
            return Again("Please give the date of the placement, authority or order, for example 16/11/2026 or 16 November 2026.");
        }

        int? age = null;
        if (action.Value("age") is { } ageText)
        {
            if (!int.TryParse(ageText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var a) || a is < 0 or > 17)
            {
                return Again("Please give the child's age as a whole number of years from 0 to 17, or leave it empty.");
            }

            age = a;
        }

        var events = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var rule in rules.Options.EffectiveEvents)
        {
            if (action.Value(rule.Id) is not { } typed)
            {
                continue;
            }

            if (ReviewCards.ReadDate(typed) is not { } happens)
            {
                return Again($"Please give the date of {Lower(rule.Event)} as, for example, 16/11/2026 or 16 November 2026, or leave it empty.");
            }

            events[rule.Id] = happens;
        }

        var proposals = rules.Propose(stage, start, age, today, events);
        return [ReviewCards.Proposals(plan, stage, start, age, proposals, today, events)];
    }

    private static string Lower(string text) => text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    /// <summary>The plan a review action is for: its <c>pid</c> (or a plan card's <c>plan</c>), when it is one of the person's plans.</summary>
    public static Plans.PlanState? PlanOf(ConversationState state, CardAction action)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(action);
        var id = action.Value(ReviewVerbs.PlanId) ?? action.Value(Plans.PlanInputs.Plan);
        return id is null ? null : state.Plans.FirstOrDefault(p => p.Id == id);
    }
}
