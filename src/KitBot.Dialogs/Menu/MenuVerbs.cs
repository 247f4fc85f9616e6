namespace KitBot.Dialogs.Menu;

/// <summary>The verbs on the main menu. Menu actions belong to no step, so they work from any card.</summary>
public static class MenuVerbs
{
    public const string Consult = "menu.consult";
    public const string Roles = "menu.roles";
    public const string Plans = "menu.plans";
    public const string AskConsultant = "menu.ask";
    public const string Help = "menu.help";
    public const string Show = "menu.show";
}
