using KitBot.Dialogs.Menu;
using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Engine;

/// <summary>
/// The conversation core's entry point: a pure function of the turn and the saved state. It does no I/O,
/// so the host can re-run a turn on fresh state when a save conflicts.
/// </summary>
public sealed class DialogEngine
{
    private readonly VerbRegistry _verbs = new();

    /// <summary>Builds the engine and registers every feature's verbs (a duplicate verb throws here).</summary>
    public DialogEngine()
    {
        MainMenu.Register(_verbs);
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
            TextInput text => Text(ctx, text.Text),
            CardActionInput card => Action(ctx, card.Action),
            _ => ctx.Say(),
        };
    }

    private static TurnResult Started(DialogContext ctx) =>
        ctx.State.Greeted
            ? ctx.Say()
            : DialogContext.Say(ctx.State with { Greeted = true }, MainMenu.Menu(firstTime: true));

    private static TurnResult Text(DialogContext ctx, string text)
    {
        var state = ctx.State with { Greeted = true };
        return GlobalCommands.Parse(text) switch
        {
            GlobalCommand.Help => DialogContext.Say(state, MainMenu.Help()),
            GlobalCommand.Menu or GlobalCommand.StartOver => DialogContext.Say(state, MainMenu.Menu(firstTime: false)),
            GlobalCommand.Cancel => DialogContext.Say(
                state with { Dialog = null },
                new TextReply("Stopped. Nothing else will be asked. Type menu whenever you want to start again.")),
            GlobalCommand.Back => DialogContext.Say(
                state,
                new TextReply("There is nothing to go back to yet. Type menu to see what you can do.")),
            _ => new TurnResult(state, MainMenu.Unrecognised()),
        };
    }

    private TurnResult Action(DialogContext ctx, CardAction action)
    {
        var state = ctx.State with { Greeted = true };
        if (IsStale(state, action))
        {
            return DialogContext.Say(state, new TextReply(
                "That card is from an earlier step, so I have left your answers as they are. Please use the most recent card, or type menu."));
        }

        return _verbs.TryGet(action.Verb, out var handler)
            ? handler(ctx with { State = state }, action)
            : DialogContext.Say(state, new TextReply(
                "That button is no longer in use, so nothing has changed. Here is the menu."), MainMenu.Menu(firstTime: false));
    }

    private static bool IsStale(ConversationState state, CardAction action) =>
        action.DialogId is not null
        && (state.Dialog?.Id != action.DialogId || action.Step != state.StepSeq);
}
