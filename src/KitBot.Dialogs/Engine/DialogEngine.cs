using KitBot.Dialogs.Consultation;
using KitBot.Dialogs.Content;
using KitBot.Dialogs.Menu;
using KitBot.Dialogs.Plans;
using KitBot.Dialogs.Reviews;
using KitBot.Dialogs.Roles;
using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Engine;

/// <summary>
/// The conversation core's entry point: a pure function of the turn and the saved state. It does no I/O,
/// so the host can re-run a turn on fresh state when a save conflicts.
/// </summary>
public sealed class DialogEngine
{
    private readonly VerbRegistry _verbs = new();
    private readonly Dictionary<string, IDialog> _dialogs = new(StringComparer.Ordinal);
    private readonly PracticeContent _content;

    /// <summary>Builds the engine with the built-in practice content and review rules.</summary>
    public DialogEngine()
        : this(PracticeContent.Default)
    {
    }

    /// <summary>Builds the engine with <paramref name="content"/> and the default review rules.</summary>
    public DialogEngine(PracticeContent content)
        : this(content, new ReviewRules(new ReviewRuleOptions()))
    {
    }

    /// <summary>
    /// Builds the engine with <paramref name="content"/> (for example with a local authority's overrides) and
    /// registers every feature's verbs (a duplicate verb throws here).
    /// </summary>
    public DialogEngine(PracticeContent content, ReviewRules reviewRules)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(reviewRules);
        _content = content;
        var plans = new PlanFeature(content);
        var consultation = new ConsultationDialog(content, plans);
        var roles = new RoleGuidanceDialog(content);
        MainMenu.Register(_verbs, consultation.StartFromMenu, roles.StartFromMenu, plans.List);
        plans.Register(_verbs);
        Reviews.Reviews.Register(_verbs, reviewRules);
        Reviews.Guided.GuidedReviews.Register(_verbs);
        foreach (var dialog in new IDialog[] { consultation, roles })
        {
            _dialogs.Add(dialog.Name, dialog);
            dialog.Register(_verbs);
        }

        _verbs
            .Add(DialogVerbs.Back, (ctx, _) => Active(ctx.State) is { } dialog
                ? dialog.Back(ctx)
                : DialogContext.Say(ctx.State with { Dialog = null }, new TextReply("There is nothing to go back to yet. Type menu to see what you can do.")))
            .Add(DialogVerbs.Restart, (ctx, _) => WithActiveDialog(ctx, dialog => dialog.Restart(ctx)))
            .Add(DialogVerbs.Resume, (ctx, _) => WithActiveDialog(ctx, dialog => dialog.Resume(ctx)))
            .Add(DialogVerbs.Help, (ctx, _) => Active(ctx.State) is { } dialog ? dialog.Help(ctx) : DialogContext.Say(ctx.State with { Dialog = null }, MainMenu.Help()))
            .Add(MenuVerbs.Show, (ctx, _) => ShowMenu(ctx))
            .Add(DialogVerbs.StartOver, (ctx, _) => StartOver(ctx))
            .Add(DialogVerbs.Cancel, (ctx, _) => Cancel(ctx))
            .Add(DialogVerbs.CancelConfirmed, (ctx, _) => WithActiveDialog(ctx, dialog => dialog.Cancel(ctx)))
            .Add(Privacy.PrivacyVerbs.Forget, (ctx, _) => ConfirmForget(ctx))
            .Add(Privacy.PrivacyVerbs.ForgetConfirm, (ctx, _) => Forget(ctx))
            .Add(Privacy.PrivacyVerbs.ForgetCancel, (ctx, _) => KeepData(ctx));
    }

    /// <summary>The verbs this engine answers.</summary>
    public IReadOnlyCollection<string> Verbs => _verbs.Verbs;

    /// <summary>Runs one turn.</summary>
    public TurnResult Run(Turn turn, ConversationState state)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(state);

        var ctx = new DialogContext(turn, state with
        {
            TurnCount = state.TurnCount + 1,
            LastActive = turn.Timestamp,
        });

        return turn.Input switch
        {
            ConversationStartedInput => Started(ctx),
            TextInput text => Text(ctx with { State = ctx.State with { Greeted = true } }, text.Text),
            CardActionInput card => Action(ctx with { State = ctx.State with { Greeted = true } }, card.Action),
            _ => ctx.Say(),
        };
    }

    private static TurnResult Started(DialogContext ctx) =>
        ctx.State.Greeted
            ? ctx.Say()
            : DialogContext.Say(ctx.State with { Greeted = true }, MainMenu.Menu(firstTime: true));

    private TurnResult Text(DialogContext ctx, string text)
    {
        // Typed commands take the same route as the button that means the same (one parser: TypedCommands).
        if (TypedCommands.Verb(text) is { } verb && _verbs.TryGet(verb, out var handler))
        {
            return handler(ctx, TypedCommands.Command(verb));
        }

        if (Active(ctx.State) is { } dialog)
        {
            return dialog.Text(ctx, text);
        }

        return new TurnResult(ctx.State with { Dialog = null }, MainMenu.Unrecognised());
    }

    private TurnResult ShowMenu(DialogContext ctx) =>
        Active(ctx.State) is not null
            ? ctx.Say(new TextReply(_content.Message(MessageKeys.DialogMenuKept)), MainMenu.Menu(firstTime: false))
            : DialogContext.Say(ctx.State with { Dialog = null }, MainMenu.Menu(firstTime: false));

    private TurnResult StartOver(DialogContext ctx) =>
        Active(ctx.State) is { } dialog
            ? ConfirmStartOver(ctx, dialog)
            : DialogContext.Say(ctx.State with { Dialog = null }, MainMenu.Menu(firstTime: false));

    private TurnResult Cancel(DialogContext ctx)
    {
        if (Active(ctx.State) is not { } dialog)
        {
            return DialogContext.Say(
                ctx.State with { Dialog = null },
                new TextReply("Stopped. Nothing else will be asked. Type menu whenever you want to start again."));
        }

        if (!dialog.HasAnswers(ctx.State))
        {
            return dialog.Cancel(ctx);
        }

        // Nothing destructive by accident: stopping a consultation with answers says what will be lost, and asks.
        var (state, card) = StepCards.Confirm(
            ctx.State,
            ctx.State.Dialog! with { Step = "confirm-cancel" },
            "Stop and lose your answers?",
            $"Stopping now deletes the answers you have given in {dialog.Description}. Plans you have already drafted are kept.",
            ("Yes, stop and delete the answers", DialogVerbs.CancelConfirmed),
            ("No, carry on", DialogVerbs.Resume));
        return DialogContext.Say(state, card);
    }

    private static TurnResult ConfirmForget(DialogContext ctx)
    {
        // Laid over the dialog in progress (if any) so "No" carries on where the person was.
        var over = ctx.State.Dialog is { } active
            ? active with { Step = Privacy.PrivacyVerbs.ConfirmStep }
            : new ActiveDialog("privacy", StepCards.NewId("forget", ctx.State, ctx.Turn.Timestamp), Privacy.PrivacyVerbs.ConfirmStep);
        var (state, card) = StepCards.Confirm(
            ctx.State,
            over,
            "Delete everything KitBot keeps about you?",
            "This deletes your consultations, plans and review reminders in every conversation with KitBot. It cannot be undone. A record that you asked (with no content) is kept.",
            ("Yes, delete everything", Privacy.PrivacyVerbs.ForgetConfirm),
            ("No, keep it", Privacy.PrivacyVerbs.ForgetCancel));
        return DialogContext.Say(state, card);
    }

    private static TurnResult Forget(DialogContext ctx) =>
        ctx.State.Dialog?.Step != Privacy.PrivacyVerbs.ConfirmStep
            ? ctx.Say(new TextReply("Nothing has been deleted. Type forget me if you want KitBot to delete what it keeps about you."))
            : new TurnResult(
                ConversationState.New,
                [new TextReply("Done: KitBot has deleted your consultations, plans and review reminders. Type menu if you want to start again.")])
            {
                ForgetUser = true,
            };

    private TurnResult KeepData(DialogContext ctx)
    {
        if (Active(ctx.State) is { } dialog)
        {
            return dialog.Resume(ctx);
        }

        return DialogContext.Say(ctx.State with { Dialog = null }, new TextReply("Nothing has been deleted."), MainMenu.Menu(firstTime: false));
    }

    private TurnResult ConfirmStartOver(DialogContext ctx, IDialog dialog)
    {
        var (state, card) = StepCards.Confirm(
            ctx.State,
            ctx.State.Dialog! with { Step = "confirm-restart" },
            _content.Message(MessageKeys.DialogStartOverYes),
            _content.Message(MessageKeys.DialogStartOverPrompt, ("what", dialog.Description)),
            (_content.Message(MessageKeys.DialogStartOverYes), DialogVerbs.Restart),
            (_content.Message(MessageKeys.DialogStartOverNo), DialogVerbs.Resume));
        return DialogContext.Say(state, card);
    }

    private TurnResult Action(DialogContext ctx, CardAction action)
    {
        if (IsStale(ctx.State, action))
        {
            return ctx.Say(new TextReply(
                "That card is from an earlier step, so I have left your answers as they are. Please use the most recent card, or type menu."));
        }

        return _verbs.TryGet(action.Verb, out var handler)
            ? handler(ctx, action)
            : ctx.Say(new TextReply(
                "That button is no longer in use, so nothing has changed. Here is the menu."), MainMenu.Menu(firstTime: false));
    }

    private TurnResult WithActiveDialog(DialogContext ctx, Func<IDialog, TurnResult> run) =>
        Active(ctx.State) is { } dialog
            ? run(dialog)
            : ctx.Say(new TextReply("There is nothing in progress to carry on with. Here is the menu."), MainMenu.Menu(firstTime: false));

    private IDialog? Active(ConversationState state) =>
        state.Dialog is { } active && _dialogs.TryGetValue(active.Name, out var dialog) ? dialog : null;

    private static bool IsStale(ConversationState state, CardAction action) =>
        action.DialogId is not null
        && (state.Dialog?.Id != action.DialogId || action.Step != state.StepSeq);
}
