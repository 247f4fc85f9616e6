using System.Text.Json.Nodes;
using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Menu;

/// <summary>The welcome card, the main menu, help and privacy.</summary>
public static class MainMenu
{
    /// <summary>The template names this feature uses.</summary>
    public const string WelcomeTemplate = "welcome";

    /// <summary>The help template.</summary>
    public const string HelpTemplate = "help";

    /// <summary>
    /// Registers the menu's verbs; the consultation, role guidance and My plans answer their own. Ask a consultant is
    /// answered by the host, which knows whether a consultants' channel is set up (<see cref="Requests.RequestStart.Ask"/>).
    /// </summary>
    public static void Register(VerbRegistry verbs, VerbHandler startConsultation, VerbHandler startRoleGuidance, VerbHandler plans)
    {
        verbs
            .Add(MenuVerbs.Help, (ctx, _) => ctx.Say(Help()))
            .Add(MenuVerbs.Consult, startConsultation)
            .Add(MenuVerbs.Roles, startRoleGuidance)
            .Add(MenuVerbs.Plans, plans);
    }

    /// <summary>The welcome card with the main menu.</summary>
    public static CardReply Menu(bool firstTime) => new(
        WelcomeTemplate,
        new JsonObject
        {
            ["firstTime"] = firstTime,
            ["items"] = new JsonArray(
                MenuItem("Start a consultation", "Think through a keeping-in-touch plan, step by step.", MenuVerbs.Consult),
                MenuItem("Role guidance", "Who is best placed to do what, at this stage.", MenuVerbs.Roles),
                MenuItem("My plans and reviews", "Draft plans you have made and their review dates.", MenuVerbs.Plans),
                MenuItem("Ask a consultant", "Pass a question to the adoption support team.", MenuVerbs.AskConsultant),
                MenuItem("Help and privacy", "What KitBot does, and what it keeps.", MenuVerbs.Help)),
        },
        "KitBot: keeping-in-touch consultation. Choose what you would like to do.");

    /// <summary>Help and privacy, as a card.</summary>
    public static CardReply Help() => new(
        HelpTemplate,
        new JsonObject
        {
            ["commands"] = new JsonArray(
                Command("menu", "show the main menu"),
                Command("help", "show this help"),
                Command("back", "go back one question"),
                Command("start over", "restart what you are doing"),
                Command("cancel", "stop what you are doing"),
                Command("my reviews", "your plans' review dates and reminders"),
                Command("something has changed", "review a plan now, after a change"),
                Command("hand over", "give a plan and its reviews to a colleague"),
                Command("send my reviews here", "in your team's channel: your review reminders come there, with no case details"),
                Command("send my reviews to me", "your review reminders come to this personal chat again"),
                Command("forget me", "delete everything KitBot keeps about you")),
        },
        "KitBot help: type menu, help, back, start over or cancel at any point.");

    /// <summary>The short answer to anything KitBot does not recognise.</summary>
    public static IReadOnlyList<Reply> Unrecognised() =>
    [
        new TextReply("Sorry, I did not understand that. Here is what I can help with."),
        Menu(firstTime: false),
    ];

    private static JsonObject MenuItem(string title, string description, string verb) => new()
    {
        ["title"] = title,
        ["description"] = description,
        ["verb"] = verb,
    };

    private static JsonObject Command(string command, string meaning) => new()
    {
        ["command"] = command,
        ["meaning"] = meaning,
    };
}
