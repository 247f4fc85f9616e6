namespace KitBot.Dialogs.Engine;

/// <summary>Card verbs every dialog shares; the engine routes them to the active dialog.</summary>
public static class DialogVerbs
{
    /// <summary>Go back one step.</summary>
    public const string Back = "dialog.back";

    /// <summary>Yes, start the dialog again (after "start over").</summary>
    public const string Restart = "dialog.restart";

    /// <summary>Carry on where I was.</summary>
    public const string Resume = "dialog.resume";

    /// <summary>Help for where I am (typed "help"): the dialog's own help, or the help card.</summary>
    public const string Help = "dialog.help";

    /// <summary>Start what I am doing again (typed "start over"): asks first when there are answers.</summary>
    public const string StartOver = "dialog.startover";

    /// <summary>Stop what I am doing (typed "cancel"): asks first when answers would be lost.</summary>
    public const string Cancel = "dialog.cancel";

    /// <summary>Yes, stop and lose the answers (after "cancel").</summary>
    public const string CancelConfirmed = "dialog.cancel.confirm";
}
