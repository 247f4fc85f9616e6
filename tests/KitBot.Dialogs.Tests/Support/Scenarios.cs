using KitBot.Dialogs.Menu;
using KitBot.Dialogs.Tests.Consultation;
using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Tests.Support;

/// <summary>Transcripts that between them send every card the dialogs can send, in its varied forms.</summary>
internal static class Scenarios
{
    public static IReadOnlyList<CardReply> EveryCard()
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

        // Cards re-shown after a wrong answer or with a privacy warning (with and without "keep as written").
        var p = new Transcript().StartConsultation();
        p.Submit(("ageBand", "2-4"), ("journey", "placed"), ("wishes", "said"), ("childNote", "Email me at worker@council.gov.uk"));
        p.Submit(("childNote", ""), ("wishes", ""));
        p.AnswerChild("2-4", "placed", "said");
        p.Submit(("rel0", "grandparent"), ("label0", "Nan Doris"));
        cards.AddRange(p.Cards);

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
}
