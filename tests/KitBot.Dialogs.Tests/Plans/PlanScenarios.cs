using KitBot.Dialogs.Consultation;
using KitBot.Dialogs.Content;
using KitBot.Dialogs.Plans;
using KitBot.Dialogs.Tests.Consultation;
using KitBot.Dialogs.Tests.Support;
using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Tests.Plans;

/// <summary>Consultations finished into plans: the three worked cases, the largest there can be, and edge cases.</summary>
internal static class PlanScenarios
{
    private static PracticeContent Content => PracticeContent.Default;

    /// <summary>
    /// Presses Next on the summary, then Next on each person's provisional plan card as pre-filled (or with
    /// <paramref name="perPerson"/>'s answers, by label), which drafts the plan and sends its cards.
    /// </summary>
    public static Transcript Finish(this Transcript t, IReadOnlyDictionary<string, (string Input, string Value)[]>? perPerson = null)
    {
        t.ExpectCard(ConsultationTemplates.Summary);
        t.Submit();
        for (var i = 0; t.Replies.OfType<CardReply>().LastOrDefault()?.Template == ConsultationTemplates.Plan; i++)
        {
            Assert.True(i <= t.State.Consultation!.People.Count, "The provisional plan cards did not move on: " + t.Describe());
            var label = t.LastCard.Data["title"]!.GetValue<string>();
            t.Submit(perPerson?.GetValueOrDefault(label) ?? []);
        }

        t.ExpectCard(PlanTemplates.Sections);
        return t;
    }

    /// <summary>Every plan field left to agree later for each of <paramref name="labels"/>.</summary>
    public static IReadOnlyDictionary<string, (string Input, string Value)[]> Later(params string[] labels) =>
        labels.ToDictionary(l => l, _ => new[] { ("kitLater", "true"), ("reviewWhen", ""), ("reviewTriggers", "") });

    /// <summary>Case (a) with the provisional plan agreed for each person, as a practitioner might.</summary>
    public static Transcript CaseA() => ConsultationCaseTests.CaseA().Finish(new Dictionary<string, (string, string)[]>
    {
        ["Birth mother"] = [("kitForms", "letterbox,one-off-meeting"), ("kitFrequency", "twice a year, and one meeting before the adoption order"),
            ("kitPresent", "the adoptive parents and the birth mother at the meeting"), ("kitOrganiser", "the child's social worker"),
            ("kitSupport", "a letterbox worker to help her write")],
        ["Older brother (7), foster care"] = [("kitFrequency", "every school holiday"), ("kitDuration", "an afternoon"), ("kitVenue", "a play centre")],
        ["Former foster carers"] = [("kitFrequency", "monthly for the first six months, then every school holiday")],
    });

    /// <summary>Case (b) agreed as in PLAN-WRITING.md's model.</summary>
    public static Transcript CaseB() => ConsultationCaseTests.CaseB().Finish(new Dictionary<string, (string, string)[]>
    {
        ["Birth father"] = [("kitForms", "letterbox"), ("kitFrequency", "once a year"), ("kitPresent", "the child, reading letters with the adoptive parents")],
        ["Maternal grandmother"] = [("kitForms", "direct-supported"), ("kitFrequency", "four times a year"), ("kitDuration", "about two hours"),
            ("kitVenue", "a local park"), ("kitPresent", "the child, the grandmother and the adoptive parents"),
            ("kitOrganiser", "the adoptive parents"), ("kitSupport", "reassurance and examples on what to say"),
            ("reviewTriggers", "the child's response to letters changes, the grandmother's contact with the birth father becomes a risk, or there is unplanned contact")],
    });

    /// <summary>Case (c) with the plan for the adoptive parents agreed and the birth mother's left to agree later.</summary>
    public static Transcript CaseC() => ConsultationCaseTests.CaseC().Finish(new Dictionary<string, (string, string)[]>
    {
        ["Adoptive parents"] = [("kitFrequency", "every week, at a pace the young person can manage"), ("kitPresent", "the young person and the adoptive parents")],
        ["Birth mother"] = [("kitLater", "true")],
    });

    /// <summary>A worked case with every person's provisional plan left to agree later, so the plan lists what is suggested.</summary>
    public static Transcript Later(Transcript consultation) =>
        consultation.Finish(Later([.. consultation.State.Consultation!.People.Select(p => p.Label)]));

    /// <summary>The largest consultation (<see cref="Scenarios.Largest"/>: ten people, long labels and notes) finished.</summary>
    public static Transcript Largest()
    {
        // Largest() ends two steps back from the summary: submit the last person and the adults again, then finish.
        var t = Scenarios.Largest();
        t.Submit();
        t.Submit();
        return t.Finish();
    }

    /// <summary>
    /// The largest consultation again, with labels and notes in scripts other than Latin: every character of them
    /// takes six bytes in the JSON Teams receives, the worst case for the message size limit.
    /// </summary>
    public static Transcript NonLatin()
    {
        var limits = Content.Consultation.Limits;
        var t = new Transcript().StartConsultation()
            .AnswerChild("11-13", "adopted", "said", "language,culture", Repeat("Говорит на двух языках. ", limits.NoteLength));
        var relationships = Content.Consultation.Relationships.Select(r => r.Id).Where(r => r != "adoptive-parents")
            .Take(Content.Consultation.People.MaxPeople).ToList();
        string[] scripts = ["姐姐", "جدة", "Γιαγιά", "दादी", "Тётя", "오빠", "סבא", "ঠাকুমা", "Θείος", "叔叔"];
        t.Submit([.. relationships.SelectMany((r, i) => new[] { ($"rel{i}", r), ($"label{i}", Repeat(scripts[i] + " ", limits.LabelLength).Trim()) })]);
        for (var i = 0; i <= relationships.Count; i++)
        {
            t.Submit([.. Content.Factors.Factors.SelectMany(f => new[]
            {
                ("f." + f.Id, f.Id is "person-risk" or "child-harmed" or "adults-low-conflict" ? "no" : "yes"),
                ("n." + f.Id, Repeat("在会面之前和之后都需要支持。", limits.NoteLength)),
            })]);
        }

        return t.Finish();
    }

    /// <summary>A finished consultation with nobody listed (the dialog always asks for one; older or edited state may not).</summary>
    public static ConsultationState NoPeople() => new()
    {
        Id = "c-none",
        Started = new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero),
        Step = ConsultationStep.Summary,
        Child = new ChildAnswers { AgeBand = "under-2", Journey = "placement-order", Wishes = "not-yet-able" },
        Completed = new DateTimeOffset(2025, 3, 3, 9, 30, 0, TimeSpan.Zero),
    };

    /// <summary>
    /// Edits a section on a plan card (default: the latest card showing it) and presses its Save changes, as Teams
    /// would submit it: the action's data (plan, section, part, rev) and the card's text box for that part.
    /// </summary>
    public static Transcript SaveSection(
        this Transcript t, string section, string text, int part = 1, CardReply? card = null, params (string Key, string Value)[] extra)
    {
        var on = card ?? t.Cards.Last(c => c.Template == PlanTemplates.Sections && Item(c, section, part) is not null);
        var item = Item(on, section, part) ?? throw new InvalidOperationException($"The card does not show part {part} of '{section}'.");
        var values = new Dictionary<string, string>
        {
            ["plan"] = on.Data["plan"]!.GetValue<string>(),
            ["section"] = section,
            ["part"] = item["part"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["rev"] = item["rev"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture),
            [item["inputId"]!.GetValue<string>()] = text,
        };
        foreach (var (key, value) in extra)
        {
            values[key] = value;
        }

        return t.Click(PlanVerbs.Save, values, on);
    }

    /// <summary>Presses a plan action that names only its plan (and perhaps a section or format).</summary>
    public static Transcript PlanAction(this Transcript t, string verb, string planId, params (string Key, string Value)[] extra)
    {
        var values = new Dictionary<string, string> { ["plan"] = planId };
        foreach (var (key, value) in extra)
        {
            values[key] = value;
        }

        return t.Click(verb, values, t.Cards.LastOrDefault() ?? throw new InvalidOperationException("No card yet."));
    }

    /// <summary>The text shown for one part of a section on a card, or null when the card does not show it.</summary>
    public static System.Text.Json.Nodes.JsonObject? Item(CardReply card, string section, int part = 1) =>
        card.Data["sections"]?.AsArray().Select(s => s!.AsObject())
            .FirstOrDefault(s => s["id"]!.GetValue<string>() == section && s["part"]!.GetValue<int>() == part);

    /// <summary>The plan cards of the latest turn.</summary>
    public static IReadOnlyList<CardReply> PlanCards(this Transcript t) =>
        t.Replies.OfType<CardReply>().Where(c => c.Template == PlanTemplates.Sections).ToList();

    /// <summary>Every section on the latest turn's plan cards, with its parts joined, by section id.</summary>
    public static IReadOnlyDictionary<string, string> SectionTexts(this Transcript t) =>
        t.PlanCards()
            .SelectMany(c => c.Data["sections"]!.AsArray().Select(s => s!.AsObject()))
            .GroupBy(s => s["id"]!.GetValue<string>())
            .ToDictionary(g => g.Key, g => string.Join("\n\n", g.OrderBy(s => s["part"]!.GetValue<int>()).Select(s => s["text"]!.GetValue<string>())));

    /// <summary>
    /// The paragraph of a section whose heading line is <paramref name="firstLine"/>, or that label followed by the
    /// relationship in brackets (a person's block).
    /// </summary>
    public static string Block(string sectionText, string firstLine) =>
        sectionText.Split("\n\n").Single(p => p.Split('\n')[0] == firstLine || p.Split('\n')[0].StartsWith(firstLine + " (", StringComparison.Ordinal));

    private static string Repeat(string piece, int length) =>
        string.Concat(Enumerable.Repeat(piece, length / piece.Length + 1))[..length];
}
