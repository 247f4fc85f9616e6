using System.Globalization;
using System.Text.RegularExpressions;
using KitBot.Dialogs.Consultation;
using KitBot.Dialogs.Content;
using KitBot.Dialogs.Content.Model;
using M = KitBot.Dialogs.Content.PlanMessageKeys;

namespace KitBot.Dialogs.Plans;

/// <summary>
/// How the plan speaks of the people in it: "the child" under 11 and "the young person" from 11, each person by their
/// label ("the maternal grandmother"), and each answered point as a finding in plain words (factors.json "finding").
/// </summary>
internal sealed partial class PlanVoice(PracticeContent content, ConsultationState c)
{
    private readonly bool _young = c.Child is { } child && content.Plan.YoungPersonAgeBands.Contains(child.AgeBand);

    /// <summary>"the child" or "the young person".</summary>
    public string Child => content.PlanMessage(_young ? M.VoiceYoungPerson : M.VoiceChild);

    /// <summary>The person's label inside a sentence: "the maternal grandmother" for "Maternal grandmother".</summary>
    public static string Person(ImportantPerson person)
    {
        var label = person.Label.Trim();
        var lower = PlanWriting.InSentence(label);
        return lower.StartsWith("the ", StringComparison.Ordinal) || lower.StartsWith("my ", StringComparison.Ordinal) || lower == label
            ? lower
            : "the " + lower;
    }

    /// <summary>True when the person's label names more than one person.</summary>
    public bool Plural(ImportantPerson? person) => person is not null && content.Plan.PluralRelationships.Contains(person.Relationship);

    /// <summary>The subject a factor's finding is said of, inside a sentence.</summary>
    public string Subject(Factor factor, ImportantPerson? person) => factor.Subject switch
    {
        FactorSubjects.Child => Child,
        FactorSubjects.Person when person is not null => Person(person),
        FactorSubjects.Adopters => content.PlanMessage(M.StrengthsAdopters).ToLowerInvariant(),
        _ => string.Empty,
    };

    /// <summary>
    /// A finding's words with its placeholders filled: <c>{one|many}</c> agrees with the person, then {child},
    /// {person}, {them}, {their}, {childTheir} and {needs} are filled in one pass, so a label is never read as a placeholder.
    /// </summary>
    public string Fill(string template, ImportantPerson? person, bool? plural = null)
    {
        var many = plural ?? Plural(person);
        var agreed = Agreement().Replace(template, m => many ? m.Groups[2].Value : m.Groups[1].Value);
        var needs = Needs();
        return Placeholder().Replace(agreed, m => m.Groups[1].Value switch
        {
            "child" => Child,
            "person" => person is null ? "them" : Person(person),
            "them" => "them",
            "their" => "their",
            "childTheir" => "their",
            "needs" => needs.Count == 0 ? string.Empty : " (" + PlanWriting.List(needs, content.PlanMessage(M.TextAnd)) + ")",
            _ => m.Value,
        });
    }

    /// <summary>
    /// Content wording (a purpose, an advice, a question) with "the child" or "the young person" said as this plan says
    /// it: a 9-year-old is never "the young person", a 14-year-old never "the child".
    /// </summary>
    public string Adapt(string text)
    {
        var (from, to) = _young ? ("the child", Child) : ("the young person", Child);
        return text.Replace(Capital(from), Capital(to), StringComparison.Ordinal).Replace(from, to, StringComparison.Ordinal);
    }

    /// <summary>The child's identity needs recorded, in sentence case.</summary>
    public List<string> Needs() =>
        content.Consultation.IdentityNeeds.Where(n => c.Child?.IdentityNeeds.Contains(n.Id) == true).Select(n => n.Text.ToLowerInvariant()).ToList();

    /// <summary>The first letter in capitals.</summary>
    public static string Capital(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];

    [GeneratedRegex(@"\{([^{}|]+)\|([^{}|]+)\}")]
    private static partial Regex Agreement();

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
