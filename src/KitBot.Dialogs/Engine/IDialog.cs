using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Engine;

/// <summary>
/// A multi-step dialog (a consultation, role guidance). The engine routes the global commands to the active dialog;
/// each method is a pure function of the context, like every step.
/// </summary>
public interface IDialog
{
    /// <summary>The dialog's name, as stored in <see cref="ActiveDialog.Name"/>.</summary>
    string Name { get; }

    /// <summary>How the dialog is named in a question, for example "this consultation".</summary>
    string Description { get; }

    /// <summary>Registers the dialog's card verbs.</summary>
    void Register(VerbRegistry verbs);

    /// <summary>Shows the current step again, on a fresh card (after a restart of KitBot, or from the menu).</summary>
    TurnResult Resume(DialogContext context);

    /// <summary>Explains the current step.</summary>
    TurnResult Help(DialogContext context);

    /// <summary>Returns to the previous step, with the answers given so far filled in.</summary>
    TurnResult Back(DialogContext context);

    /// <summary>Starts the dialog again from its first step (the person has already confirmed).</summary>
    TurnResult Restart(DialogContext context);

    /// <summary>True when leaving now would lose answers the person gave (so "cancel" asks first).</summary>
    bool HasAnswers(ConversationState state);

    /// <summary>Leaves the dialog, keeping nothing half-done.</summary>
    TurnResult Cancel(DialogContext context);

    /// <summary>Typed text that is not a command while a step waits for its card: re-asks the step.</summary>
    TurnResult Text(DialogContext context, string text);
}
