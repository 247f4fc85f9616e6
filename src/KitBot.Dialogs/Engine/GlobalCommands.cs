namespace KitBot.Dialogs.Engine;

/// <summary>Commands understood at any point in any dialog.</summary>
public enum GlobalCommand
{
    None,
    Help,
    Menu,
    Back,
    StartOver,
    Cancel,
    ForgetMe,
}

/// <summary>Recognises the global commands in typed text.</summary>
public static class GlobalCommands
{
    private static readonly Dictionary<string, GlobalCommand> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["help"] = GlobalCommand.Help,
        ["?"] = GlobalCommand.Help,
        ["menu"] = GlobalCommand.Menu,
        ["main menu"] = GlobalCommand.Menu,
        ["back"] = GlobalCommand.Back,
        ["go back"] = GlobalCommand.Back,
        ["start over"] = GlobalCommand.StartOver,
        ["restart"] = GlobalCommand.StartOver,
        ["cancel"] = GlobalCommand.Cancel,
        ["stop"] = GlobalCommand.Cancel,
        ["quit"] = GlobalCommand.Cancel,
        ["forget me"] = GlobalCommand.ForgetMe,
        ["delete my data"] = GlobalCommand.ForgetMe,
    };

    /// <summary>The command the text is, ignoring case, spaces and closing punctuation; otherwise None.</summary>
    public static GlobalCommand Parse(string? text)
    {
        var cleaned = (text ?? string.Empty).Trim().TrimEnd('.', '!').Trim();
        return Words.TryGetValue(cleaned, out var command) ? command : GlobalCommand.None;
    }
}
