using KitBot.Dialogs.Handover;
using KitBot.Dialogs.Menu;
using KitBot.Dialogs.Privacy;
using KitBot.Dialogs.Requests;
using KitBot.Dialogs.Reviews;
using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Engine;

/// <summary>
/// The one place typed words become verbs: global commands ("help", "back", "forget me"), the menu's own labels
/// ("my plans and reviews"), feature commands ("my reviews", "open requests") and Slack's <c>/kit</c> words all
/// map to the verb a button would send, so a typed command and a press take the same route through the verb table.
/// </summary>
public static class TypedCommands
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        // Global commands: the engine answers them in the context of the dialog in progress.
        ["help"] = DialogVerbs.Help,
        ["?"] = DialogVerbs.Help,
        ["menu"] = MenuVerbs.Show,
        ["main menu"] = MenuVerbs.Show,
        ["back"] = DialogVerbs.Back,
        ["go back"] = DialogVerbs.Back,
        ["start over"] = DialogVerbs.StartOver,
        ["restart"] = DialogVerbs.StartOver,
        ["cancel"] = DialogVerbs.Cancel,
        ["stop"] = DialogVerbs.Cancel,
        ["quit"] = DialogVerbs.Cancel,
        ["forget me"] = PrivacyVerbs.Forget,
        ["delete my data"] = PrivacyVerbs.Forget,

        // The welcome menu's labels, typed as they read, and the short words /kit takes.
        ["start a consultation"] = MenuVerbs.Consult,
        ["consult"] = MenuVerbs.Consult,
        ["consultation"] = MenuVerbs.Consult,
        ["role guidance"] = MenuVerbs.Roles,
        ["roles"] = MenuVerbs.Roles,
        ["role"] = MenuVerbs.Roles,
        ["my plans and reviews"] = MenuVerbs.Plans,
        ["my plans"] = MenuVerbs.Plans,
        ["plans"] = MenuVerbs.Plans,
        ["plan"] = MenuVerbs.Plans,
        ["ask a consultant"] = MenuVerbs.AskConsultant,
        ["help and privacy"] = MenuVerbs.Help,
        ["privacy"] = MenuVerbs.Help,

        // Reviews.
        ["my reviews"] = ReviewVerbs.List,
        ["reviews"] = ReviewVerbs.List,
        ["review"] = ReviewVerbs.List,
        ["show my reviews"] = ReviewVerbs.List,
        ["set up reviews"] = ReviewVerbs.Setup,
        ["setup reviews"] = ReviewVerbs.Setup,
        ["new reviews"] = ReviewVerbs.Setup,
        ["add reviews"] = ReviewVerbs.Setup,
        ["something has changed"] = Reviews.Guided.GuidedReviewVerbs.Changed,
        ["something changed"] = Reviews.Guided.GuidedReviewVerbs.Changed,
        ["start a review"] = Reviews.Guided.GuidedReviewVerbs.Start,
        [ReviewVerbs.RouteHereCommand] = ReviewVerbs.RouteHere,
        ["send reviews here"] = ReviewVerbs.RouteHere,
        ["reviews here"] = ReviewVerbs.RouteHere,
        [ReviewVerbs.RoutePersonalCommand] = ReviewVerbs.RoutePersonal,
        ["send reviews to me"] = ReviewVerbs.RoutePersonal,
        ["send my reviews to my chat"] = ReviewVerbs.RoutePersonal,

        // Consultation requests (consultants).
        ["open requests"] = RequestVerbs.ListOpen,
        ["requests"] = RequestVerbs.ListOpen,
        ["show open requests"] = RequestVerbs.ListOpen,
        ["my requests"] = RequestVerbs.ListMine,
        ["show my requests"] = RequestVerbs.ListMine,
        [RequestVerbs.UseChannelCommand] = RequestVerbs.UseChannel,

        // Hand-over and reminder partners (the words after them are read by Prefixed below).
        ["hand over"] = HandoverVerbs.Start,
        ["handover"] = HandoverVerbs.Start,
        ["reminder partner"] = HandoverVerbs.Partner,
        ["take over"] = HandoverVerbs.Take,
        ["share reminders"] = HandoverVerbs.Share,
    };

    // Commands followed by words of their own ("take over ABCD-EFGH", "hand over 2"): the words go in the action's
    // data under the key named, so a typed code takes the same route as any other command.
    private static readonly (string Words, string Verb, string Key)[] Prefixed =
    [
        ("hand over ", HandoverVerbs.Start, HandoverVerbs.Which),
        ("handover ", HandoverVerbs.Start, HandoverVerbs.Which),
        ("reminder partner ", HandoverVerbs.Partner, HandoverVerbs.Which),
        ("take over ", HandoverVerbs.Take, HandoverVerbs.Code),
        ("share reminders ", HandoverVerbs.Share, HandoverVerbs.Code),
    ];

    /// <summary>Every typed command and the verb it stands for (for help pages and the start-up check).</summary>
    public static IReadOnlyDictionary<string, string> All => Words;

    /// <summary>The verb typed text stands for, ignoring case, spaces and closing punctuation; null when it is not a command.</summary>
    public static string? Verb(string? text) =>
        Words.TryGetValue(Normalise(text), out var verb) ? verb : null;

    /// <summary>
    /// The card action a turn asks for: a pressed button's own action, or the action a typed command stands for
    /// (with no dialog id, so it is never stale); null for free text and other input.
    /// </summary>
    public static CardAction? ActionOf(TurnInput input) => input switch
    {
        CardActionInput card => card.Action,
        TextInput text when Verb(text.Text) is { } verb => Command(verb),
        TextInput text when WithWords(text.Text) is { } action => action,
        _ => null,
    };

    private static CardAction? WithWords(string? text)
    {
        var cleaned = Normalise(text);
        foreach (var (words, verb, key) in Prefixed)
        {
            if (cleaned.StartsWith(words, StringComparison.OrdinalIgnoreCase) && cleaned.Length > words.Length)
            {
                return new CardAction(verb, null, null, new Dictionary<string, string> { [key] = cleaned[words.Length..].Trim() });
            }
        }

        return null;
    }

    /// <summary>A command as the card action a button with no dialog step would send.</summary>
    public static CardAction Command(string verb) => new(verb, null, null, new Dictionary<string, string>());

    private static string Normalise(string? text)
    {
        var cleaned = (text ?? string.Empty).Trim();
        // "/kit reviews" typed as a message, or "kit: help": the words after the bot's name.
        if (cleaned.StartsWith("/kit", StringComparison.OrdinalIgnoreCase))
        {
            cleaned = cleaned[4..];
        }

        cleaned = cleaned.Trim();
        if (cleaned == "?")
        {
            return cleaned;
        }

        cleaned = cleaned.TrimEnd('.', '!', '?').Trim();
        return string.Join(' ', cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
