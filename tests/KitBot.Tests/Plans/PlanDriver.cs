using System.Globalization;
using KitBot.Dialogs.Content;
using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Menu;
using KitBot.Dialogs.Plans;
using KitBot.Dialogs.Turns;

namespace KitBot.Tests.Plans;

/// <summary>
/// Runs consultations through the dialog core's public API, pressing each card's main button with the inputs it
/// asks for, up to Finish: the state that holds the drafted plan and the plan cards, as a host would get them.
/// </summary>
internal sealed class PlanDriver
{
    private readonly DialogEngine _engine = new();
    private DateTimeOffset _now = new(2025, 3, 3, 9, 30, 0, TimeSpan.Zero);

    public ConversationState State { get; private set; } = ConversationState.New;

    public IReadOnlyList<Reply> Replies { get; private set; } = [];

    public string UserId { get; init; } = "user-1";

    public PlanState Plan => State.Plans[0];

    public IReadOnlyList<CardReply> PlanCards => [.. Replies.OfType<CardReply>().Where(c => c.Template == PlanTemplates.Sections)];

    /// <summary>Case (b) from the consultation: a 9-year-old, a birth father who poses a risk, a supportive grandmother.</summary>
    public static PlanDriver CaseB(string userId = "user-1", int startHour = 9)
    {
        var d = new PlanDriver { UserId = userId };
        d._now = d._now.AddHours(startHour - 9);
        d.Menu(MenuVerbs.Consult);
        d.Next("consult.child", ("ageBand", "5-10"), ("journey", "adopted"), ("wishes", "said"));
        d.Next("consult.people", ("rel0", "birth-father"), ("label0", "Birth father"), ("rel1", "grandparent"), ("label1", "Maternal grandmother"));
        d.Next("consult.person", ("f.child-positive", "yes"), ("n.child-positive", "Remembers good times with him"), ("f.child-asks", "yes"),
            ("f.child-harmed", "unsure"), ("f.person-risk", "yes"), ("n.person-risk", "Safeguarding concerns remain"), ("f.person-accepts", "no"), ("f.person-opposes", "yes"));
        d.Next("consult.person", ("f.child-positive", "yes"), ("f.child-copes", "yes"), ("f.person-accepts", "yes"), ("f.person-reliable", "yes"),
            ("f.person-adopters", "yes"), ("f.person-risk", "no"), ("f.person-opposes", "no"));
        d.Next("consult.adopters", ("f.adopters-anxious", "yes"), ("n.adopters-anxious", "Worried about the father finding them"), ("f.adopters-open", "yes"));
        d.Next("consult.finish");
        d.Next("consult.arrangement", ("kitForms", "letterbox"), ("kitFrequency", "once a year"));
        d.Next("consult.arrangement", ("kitForms", "direct-supported"), ("kitFrequency", "four times a year"), ("kitOrganiser", "the adoptive parents"));
        return d;
    }

    /// <summary>
    /// The largest consultation: ten people, every point answered with the longest note, in <paramref name="script"/>
    /// (non-Latin text takes six bytes a character in the JSON Teams receives).
    /// </summary>
    public static PlanDriver Largest(string script = "Ω")
    {
        var content = PracticeContent.Default;
        var d = new PlanDriver();
        d.Menu(MenuVerbs.Consult);
        d.Next("consult.child", ("ageBand", "14-15"), ("journey", "placed"), ("wishes", "said"),
            ("identity", "heritage,culture,religion,language,disability"), ("childNote", Repeat(script, 300)));
        string[] relationships = ["birth-mother", "birth-father", "sibling-together", "sibling-apart", "sibling-later-born", "grandparent", "aunt-uncle", "fathers-family", "former-foster-carer", "other-important-adult"];
        d.Next("consult.people", [.. relationships.SelectMany((r, i) => new[] { ($"rel{i}", r), ($"label{i}", Repeat(i.ToString(CultureInfo.InvariantCulture) + script, 40)) })]);
        for (var i = 0; i <= relationships.Length; i++)
        {
            string[] factors = ["child-positive", "child-asks", "child-copes", "child-identity", "child-distressed", "child-forms-hard", "child-seeking",
                "person-accepts", "person-reliable", "person-feelings", "person-boundaries", "person-supported", "person-adopters", "person-opposes",
                "person-inconsistent", "person-difficulties", "person-literacy", "person-fear", "person-protect", "adopters-open", "adopters-empathy",
                "adopters-confident", "adopters-prepared", "adopters-means", "adopters-anxious", "adopters-little-support", "adopters-barriers",
                "adopters-conflict", "adopters-distance", "adults-respect", "adults-too-many"];
            d.Next(i < relationships.Length ? "consult.person" : "consult.adopters",
                [.. factors.SelectMany(f => new[] { ("f." + f, "yes"), ("n." + f, Repeat(script + " ", 300)) }), ("f.person-risk", "no")]);
        }

        d.Next("consult.finish");
        for (var i = 0; i < relationships.Length; i++)
        {
            // Every provisional plan box filled with the longest text, as the largest plan there can be.
            d.Next("consult.arrangement", [.. new[] { "kitOther", "kitPresent", "kitDuration", "kitFrequency", "kitVenue", "kitOrganiser", "kitSupport", "reviewWhen", "reviewTriggers" }
                .Select(k => (k, Repeat(script + " ", 300)))]);
        }

        return d;
    }

    public void Menu(string verb) => Run(new CardActionInput(new CardAction(verb, null, null, new Dictionary<string, string>())));

    /// <summary>Presses a step card's button with <paramref name="values"/>, stamped like the latest card.</summary>
    public void Next(string verb, params (string Key, string Value)[] values)
    {
        var card = Replies.OfType<CardReply>().Last();
        Run(new CardActionInput(new CardAction(
            verb,
            card.Data[StepCards.DialogIdKey]?.GetValue<string>(),
            card.Data[StepCards.StepKey]?.GetValue<int>(),
            values.ToDictionary(v => v.Key, v => v.Value))));
    }

    public void Run(TurnInput input)
    {
        _now = _now.AddSeconds(20);
        var result = _engine.Run(new Turn(new TurnUser(UserId), new TurnConversation("conv-1"), input, _now, "en-GB", "Europe/London"), State);
        State = result.State;
        Replies = result.Replies;
    }

    private static string Repeat(string piece, int length) => string.Concat(Enumerable.Repeat(piece, length / piece.Length + 1))[..length];
}
