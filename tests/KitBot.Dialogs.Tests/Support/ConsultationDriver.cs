using System.Text.Json.Nodes;
using KitBot.Dialogs.Consultation;
using KitBot.Dialogs.Menu;
using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Tests.Support;

/// <summary>One answer on a strengths-and-challenges card.</summary>
internal sealed record A(string Factor, string Answer, string? Note = null);

/// <summary>Steps through the consultation's cards in a transcript, checking each card arrives.</summary>
internal static class ConsultationDriver
{
    public static Transcript StartConsultation(this Transcript t)
    {
        t.Menu(MenuVerbs.Consult).ExpectCard(ConsultationTemplates.Child);
        return t;
    }

    public static Transcript AnswerChild(this Transcript t, string ageBand, string journey, string wishes, string identity = "", string note = "")
    {
        t.ExpectCard(ConsultationTemplates.Child);
        t.Submit(("ageBand", ageBand), ("journey", journey), ("wishes", wishes), ("identity", identity), ("childNote", note));
        t.ExpectCard(ConsultationTemplates.People);
        return t;
    }

    /// <summary>Lists people, each with where they are now.</summary>
    public static Transcript ListPeople(this Transcript t, params (string Relationship, string Label, string Status)[] people)
    {
        t.ExpectCard(ConsultationTemplates.People);
        t.Submit([.. people.SelectMany((p, i) => new[] { ($"rel{i}", p.Relationship), ($"label{i}", p.Label), ($"status{i}", p.Status) })]);
        t.ExpectCard(ConsultationTemplates.Factors);
        return t;
    }

    public static Transcript ListPeople(this Transcript t, params (string Relationship, string Label)[] people)
    {
        t.ExpectCard(ConsultationTemplates.People);
        var answers = people.SelectMany((p, i) => new[] { ($"rel{i}", p.Relationship), ($"label{i}", p.Label) }).ToArray();
        t.Submit(answers);
        t.ExpectCard(ConsultationTemplates.Factors);
        return t;
    }

    /// <summary>
    /// Answers a strengths-and-challenges card (a person's or the adoptive parents'), and ticks "not known yet" for
    /// each part of the card, so the points left unanswered are recorded as not known.
    /// </summary>
    public static Transcript AnswerFactors(this Transcript t, params A[] answers)
    {
        var card = t.ExpectCard(ConsultationTemplates.Factors);
        var unknown = card.Data["sections"]!.AsArray().Where(s => s!["hasUnknown"]!.GetValue<bool>()).Select(s => (s!["unknownId"]!.GetValue<string>(), "true"));
        t.Submit([.. answers.SelectMany(a => new[] { ("f." + a.Factor, a.Answer), ("n." + a.Factor, a.Note ?? string.Empty) }), .. unknown]);
        return t;
    }

    /// <summary>Every person's section on the summary's people cards, from the latest turn.</summary>
    public static IReadOnlyList<JsonObject> SummaryPeople(this Transcript t)
    {
        t.ExpectCard(ConsultationTemplates.Summary);
        return t.Replies.OfType<CardReply>()
            .Where(c => c.Template == ConsultationTemplates.SummaryPeople)
            .SelectMany(c => c.Data["people"]!.AsArray().Select(p => p!.AsObject()))
            .ToList();
    }

    /// <summary>The summary's section for the person labelled <paramref name="label"/>.</summary>
    public static JsonObject SummaryPerson(this Transcript t, string label) =>
        t.SummaryPeople().Single(p => p["title"]!.GetValue<string>() == label);

    /// <summary>The texts of one list on a person's summary (purposes, forms, support, safeguards, notSuggested).</summary>
    public static IReadOnlyList<string> Texts(this JsonObject section, string list) =>
        section[list]!.AsArray().Select(i => i!["text"]!.GetValue<string>()).ToList();

    /// <summary>The "because you said" line of the item in <paramref name="list"/> whose text is <paramref name="text"/>.</summary>
    public static string Because(this JsonObject section, string list, string text) =>
        section[list]!.AsArray().Single(i => i!["text"]!.GetValue<string>() == text)!["because"]!.GetValue<string>();
}
