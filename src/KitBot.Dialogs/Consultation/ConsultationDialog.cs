using System.Globalization;
using System.Text.Json.Nodes;
using KitBot.Dialogs.Content;
using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Menu;
using KitBot.Dialogs.Plans;
using KitBot.Dialogs.Privacy;
using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Consultation;

/// <summary>
/// The keeping-in-touch consultation: about the child, who is important, strengths and challenges for each person,
/// the adoptive parents and the adults together, a summary of suggestions, then the provisional plan for each person.
/// Each step is one card with several questions, so a consultation for a child with three important people is six
/// cards of questions, the summary and three short plan cards. The last plan card drafts the plan (<see cref="PlanFeature"/>).
/// </summary>
internal sealed class ConsultationDialog(PracticeContent content, PlanFeature plans) : IDialog
{
    /// <summary>The name stored in <see cref="ActiveDialog.Name"/>.</summary>
    public const string DialogName = "consultation";

    private const string ResumeOffer = "resume";

    public string Name => DialogName;

    public string Description => content.Message(MessageKeys.ConsultName);

    public void Register(VerbRegistry verbs) => verbs
        .Add(ConsultationVerbs.Child, (ctx, action) => Submit(ctx, action, ConsultationStep.Child, ChildStep.Apply))
        .Add(ConsultationVerbs.People, (ctx, action) => Submit(ctx, action, ConsultationStep.People, PeopleStep.Apply))
        .Add(ConsultationVerbs.Person, (ctx, action) => Submit(ctx, action, ConsultationStep.Person, FactorsStep.Apply))
        .Add(ConsultationVerbs.Adopters, (ctx, action) => Submit(ctx, action, ConsultationStep.Adopters, FactorsStep.Apply))
        .Add(ConsultationVerbs.Finish, Finish)
        .Add(ConsultationVerbs.Arrangement, Arrange)
        .Add(ConsultationVerbs.New, (ctx, _) => StartNew(ctx));

    /// <summary>"Start a consultation" on the menu: offers to resume one in progress, otherwise starts one.</summary>
    public TurnResult StartFromMenu(DialogContext ctx, CardAction action)
    {
        if (ctx.State.Consultation is not { InProgress: true } c)
        {
            return StartNew(ctx);
        }

        var text = content.Consultation.Steps[ResumeOffer];
        var (state, card) = StepCards.Confirm(
            ctx.State,
            new ActiveDialog(Name, c.Id, ResumeOffer),
            text.Title,
            text.Intro,
            (content.Message(MessageKeys.ConsultResumeYes), DialogVerbs.Resume),
            (content.Message(MessageKeys.ConsultResumeNew), ConsultationVerbs.New));
        return DialogContext.Say(state, card);
    }

    public TurnResult Resume(DialogContext ctx) =>
        ctx.State.Consultation is { InProgress: true } c
            ? Show(ctx.State, c)
            : DialogContext.Say(ctx.State with { Dialog = null }, new TextReply(content.Message(MessageKeys.ConsultNothingToResume)), MainMenu.Menu(firstTime: false));

    public TurnResult Help(DialogContext ctx)
    {
        var step = ctx.State.Dialog?.Step == ResumeOffer || ctx.State.Consultation is not { } c
            ? ResumeOffer
            : StepKey(c.Step);
        return ctx.Say(new TextReply(content.Consultation.Steps[step].Help + " " + content.Message(MessageKeys.DialogCommands)));
    }

    public TurnResult Back(DialogContext ctx)
    {
        if (ctx.State.Consultation is not { InProgress: true } c)
        {
            return Resume(ctx);
        }

        // From a question laid over a step (resume? start again?), back means: return to that step.
        if (ctx.State.Dialog?.Step != StepName(c))
        {
            return Show(ctx.State, c);
        }

        var previous = c.Step switch
        {
            ConsultationStep.People => c with { Step = ConsultationStep.Child },
            ConsultationStep.Person when c.PersonIndex > 0 => c with { PersonIndex = c.PersonIndex - 1 },
            ConsultationStep.Person => c with { Step = ConsultationStep.People, PersonIndex = 0 },
            ConsultationStep.Adopters => c with { Step = ConsultationStep.Person, PersonIndex = c.People.Count - 1 },
            ConsultationStep.Summary => c with { Step = ConsultationStep.Adopters },
            ConsultationStep.Plan when c.PersonIndex > 0 => c with { PersonIndex = c.PersonIndex - 1 },
            ConsultationStep.Plan => c with { Step = ConsultationStep.Summary, PersonIndex = 0 },
            _ => null,
        };
        return previous is null
            ? ctx.Say(new TextReply(content.Message(MessageKeys.DialogFirstStep)))
            : Show(ctx.State, previous);
    }

    public TurnResult Restart(DialogContext ctx) => StartNew(ctx);

    public bool HasAnswers(ConversationState state) => state.Consultation is { InProgress: true, Child: not null };

    public TurnResult Cancel(DialogContext ctx) => DialogContext.Say(
        ctx.State with { Consultation = null, Dialog = null },
        new TextReply(content.Message(MessageKeys.ConsultCancelled)));

    public TurnResult Text(DialogContext ctx, string text)
    {
        if (ctx.State.Consultation is not { InProgress: true } c)
        {
            return Resume(ctx);
        }

        var expected = content.Message(ctx.State.Dialog?.Step == ResumeOffer ? MessageKeys.ConsultExpectedResume : Expected(c.Step));
        return ctx.State.Dialog?.Step == ResumeOffer
            ? ctx.Say(new TextReply(content.Message(MessageKeys.DialogWaiting, ("expected", expected))))
            : Show(ctx.State, c, before: [new TextReply(content.Message(MessageKeys.DialogWaiting, ("expected", expected)))]);
    }

    private TurnResult StartNew(DialogContext ctx)
    {
        var now = ctx.Turn.Timestamp;
        var c = new ConsultationState
        {
            Id = StepCards.NewId("c", ctx.State, now),
            Started = now,
            Step = ConsultationStep.Child,
        };
        return Show(ctx.State, c);
    }

    private TurnResult Submit(
        DialogContext ctx, CardAction action, ConsultationStep step, Func<PracticeContent, ConsultationState, CardAction, StepOutcome> apply)
    {
        // Only a card this consultation sent for its current step (carrying its id and step number, which the engine
        // has checked) can answer it; anything else is answered by showing where the consultation is.
        if (action.DialogId is null || ctx.State.Consultation is not { InProgress: true } c || c.Step != step || c.Id != action.DialogId)
        {
            return Resume(ctx);
        }

        var outcome = apply(content, c, action);
        if (outcome.Accepted is { } next)
        {
            return Show(ctx.State, next, before: [.. outcome.Notes.Select(note => new TextReply(note))]);
        }

        var replies = new List<Reply>();
        if (outcome.Problems.Count > 0)
        {
            replies.Add(new TextReply(content.Message(MessageKeys.DialogReask, ("problems", string.Join(" ", outcome.Problems)))));
        }

        if (outcome.Privacy != PrivacyConcern.None)
        {
            replies.Add(new TextReply(CardData.PrivacyMessage(content, outcome.Privacy, outcome.Found)));
        }

        // The card is shown again with what was entered, so nothing has to be typed twice; none of it is stored.
        return Show(ctx.State, c, action.Values, outcome.Privacy, replies);
    }

    /// <summary>Next on the summary: on to the provisional plan for each person, or (with nobody listed) the draft plan.</summary>
    private TurnResult Finish(DialogContext ctx, CardAction action)
    {
        if (action.DialogId is null || ctx.State.Consultation is not { InProgress: true, Step: ConsultationStep.Summary } c || c.Id != action.DialogId)
        {
            return Resume(ctx);
        }

        return c.People.Count == 0 ? Draft(ctx, c) : Show(ctx.State, c with { Step = ConsultationStep.Plan, PersonIndex = 0 });
    }

    /// <summary>Next on a person's provisional plan: the next person, or after the last, the draft plan.</summary>
    private TurnResult Arrange(DialogContext ctx, CardAction action)
    {
        if (action.DialogId is null || ctx.State.Consultation is not { InProgress: true, Step: ConsultationStep.Plan } c || c.Id != action.DialogId)
        {
            return Resume(ctx);
        }

        var last = c.PersonIndex == c.People.Count - 1;
        var outcome = PlanStep.Apply(content, c, action);
        if (outcome.Accepted is { } next)
        {
            return last ? Draft(ctx, next) : Show(ctx.State, next);
        }

        return Submit(ctx, action, ConsultationStep.Plan, PlanStep.Apply);
    }

    private TurnResult Draft(DialogContext ctx, ConsultationState c)
    {
        var finished = c with { Completed = ctx.Turn.Timestamp };
        return plans.Drafted(ctx, ctx.State with { Consultation = finished, Dialog = null }, finished);
    }

    private TurnResult Show(
        ConversationState state,
        ConsultationState c,
        IReadOnlyDictionary<string, string>? submitted = null,
        PrivacyConcern privacy = PrivacyConcern.None,
        IReadOnlyList<Reply>? before = null)
    {
        var replies = new List<Reply>(before ?? []);
        string template;
        JsonObject data;
        if (c.Step == ConsultationStep.Summary)
        {
            // The people's suggestions may need several cards; only the closing card has actions, so only it is stamped.
            var summary = SummaryBuilder.Build(content, c);
            replies.AddRange(SummaryStep.PeopleCards(content, summary).Select(people =>
                new CardReply(ConsultationTemplates.SummaryPeople, people, $"{people["progress"]}: {people["title"]}")));
            (template, data) = (ConsultationTemplates.Summary, SummaryStep.ClosingCard(content, summary));
        }
        else
        {
            (template, data) = c.Step switch
            {
                ConsultationStep.Child => (ConsultationTemplates.Child, ChildStep.Card(content, c, submitted, privacy)),
                ConsultationStep.People => (ConsultationTemplates.People, PeopleStep.Card(content, c, submitted, privacy)),
                ConsultationStep.Plan => (ConsultationTemplates.Plan, PlanStep.Card(content, c, submitted, privacy)),
                _ => (ConsultationTemplates.Factors, FactorsStep.Card(content, c, submitted, privacy)),
            };
        }

        data["canGoBack"] = c.Step != ConsultationStep.Child;
        var (next, card) = StepCards.Show(
            state with { Consultation = c }, new ActiveDialog(Name, c.Id, StepName(c)), template, data, $"{data["progress"]}: {data["title"]}");
        replies.Add(card);
        return new TurnResult(next, replies);
    }

    private static string StepName(ConsultationState c) =>
        c.Step switch
        {
            ConsultationStep.Person => "person-" + c.PersonIndex.ToString(CultureInfo.InvariantCulture),
            ConsultationStep.Plan => PlanStep.StepName(c.PersonIndex),
            _ => StepKey(c.Step),
        };

    private static string StepKey(ConsultationStep step) => step switch
    {
        ConsultationStep.Child => "child",
        ConsultationStep.People => "people",
        ConsultationStep.Person => "person",
        ConsultationStep.Adopters => "adopters",
        ConsultationStep.Plan => "plan",
        _ => "summary",
    };

    private static string Expected(ConsultationStep step) => step switch
    {
        ConsultationStep.Child => MessageKeys.ConsultExpectedChild,
        ConsultationStep.People => MessageKeys.ConsultExpectedPeople,
        ConsultationStep.Person or ConsultationStep.Adopters => MessageKeys.ConsultExpectedFactors,
        ConsultationStep.Plan => MessageKeys.ConsultExpectedPlan,
        _ => MessageKeys.ConsultExpectedSummary,
    };
}
