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
}
