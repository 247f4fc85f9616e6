using KitBot.Dialogs.Menu;
using KitBot.Dialogs.Tests.Consultation;
using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Tests.Support;

/// <summary>Transcripts that between them send every card the dialogs can send, in its varied forms.</summary>
internal static class Scenarios
{
    public static IReadOnlyList<CardReply> EveryCard() => [.. Realistic(), .. Largest().Cards];

    /// <summary>Cards from ordinary consultations and role guidance (the source of cards/samples).</summary>
    public static IReadOnlyList<CardReply> Realistic()
    {
        var cards = new List<CardReply>();

        var a = ConsultationCaseTests.CaseA();
        a.Send("back");
        a.Send("start over");
        a.Send("menu");
        a.Menu(MenuVerbs.Consult);
        a.Click(KitBot.Dialogs.Engine.DialogVerbs.Resume);
        a.Submit();
        cards.AddRange(a.Cards);
        cards.AddRange(ConsultationCaseTests.CaseB().Cards);
        cards.AddRange(ConsultationCaseTests.CaseC().Cards);

        // The provisional plan cards: as pre-filled, and shown again after a privacy catch with what was typed.
        var plan = ConsultationCaseTests.CaseB();
        plan.Submit();
        plan.Submit(("kitFrequency", "four times a year"), ("kitVenue", "Call Jane on 07700 900123"));
        plan.Submit(("kitVenue", "a local park"));
        plan.Submit();
        cards.AddRange(plan.Cards.Where(c => c.Template == KitBot.Dialogs.Consultation.ConsultationTemplates.Plan));

        // Cards re-shown after a wrong answer or with a privacy warning (with and without "keep as written").
        var p = new Transcript().StartConsultation();
        p.Submit(("ageBand", "2-4"), ("journey", "placed"), ("wishes", "said"), ("childNote", "Email me at worker@council.gov.uk"));
        p.Submit(("childNote", ""), ("wishes", ""));
        p.AnswerChild("2-4", "placed", "said");
        p.Submit(("rel0", "grandparent"), ("label0", "Nan Doris"));
        cards.AddRange(p.Cards);

        // Five people: the gentle warning about social exhaustion, on the summary too.
        var many = new Transcript().StartConsultation().AnswerChild("5-10", "placed", "said")
            .ListPeople(("birth-mother", ""), ("birth-father", ""), ("sibling-apart", "Older sister (12)"), ("grandparent", "Maternal grandmother"), ("former-foster-carer", ""));
        for (var i = 0; i < 6; i++)
        {
            // The birth father (second) poses a risk, so his summary also lists what is not suggested, and why.
            many.Submit(("f.child-positive", "yes"), ("f.person-risk", i == 1 ? "yes" : "no"));
        }

        cards.AddRange(many.Cards);

        var r = new Transcript();
        r.Menu(MenuVerbs.Roles);
        r.Submit(("role", "childs-social-worker"), ("stage", "placement-order"));
        r.Send("back");
        r.Submit(("role", "legal-court"), ("stage", "placed"));
        r.Send("back");
        r.Submit(("role", "birth-relatives"), ("stage", "other-permanence"));
        cards.AddRange(r.Cards);

        return cards;
    }

    /// <summary>
    /// The largest consultation there can be: every identity need, the most people, long labels and notes, and
    /// every point answered to make as many suggestions as possible. Its cards must still fit a Teams message.
    /// </summary>
    public static Transcript Largest()
    {
        var content = KitBot.Dialogs.Content.PracticeContent.Default;
        var limits = content.Consultation.Limits;
        var t = new Transcript().StartConsultation()
            .AnswerChild("14-15", "placed", "said", string.Join(",", content.Consultation.IdentityNeeds.Select(n => n.Id)), new string('n', limits.NoteLength));
        var relationships = content.Consultation.Relationships.Select(r => r.Id).Where(r => r != "adoptive-parents")
            .Take(content.Consultation.People.MaxPeople).ToList();
        t.Submit([.. relationships.SelectMany((r, i) => new[] { ($"rel{i}", r), ($"label{i}", ("Person " + i + " " + new string('l', limits.LabelLength))[..limits.LabelLength]) })]);
        for (var i = 0; i <= relationships.Count; i++)
        {
            // Risk answered no, so every other rule (and every form) can fire.
            t.Submit([.. content.Factors.Factors.SelectMany(f => new[]
            {
                ("f." + f.Id, f.Id is "person-risk" or "child-harmed" or "adults-low-conflict" ? "no" : "yes"),
                ("n." + f.Id, new string('w', limits.NoteLength)),
            })]);
        }

        t.Send("back");
        t.Send("back");
        return t;
    }
}
