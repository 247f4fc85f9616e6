using System.Text.RegularExpressions;

namespace KitBot.Dialogs.Plans;

/// <summary>
/// A plan's dated versions, as pure functions: making a new version when the text changes, reading the plan as it was
/// in an earlier version, and comparing a version with the one before as sentences added and removed per section.
/// Only the last <see cref="MaxKept"/> versions are kept: older ones fold into the oldest kept, which then holds
/// every section's text as it read at that version.
/// </summary>
public static partial class PlanVersions
{
    /// <summary>How many versions a plan keeps (the current one and the 19 before it).</summary>
    public const int MaxKept = 20;

    /// <summary>
    /// The plan's versions, oldest first. A plan saved before versions were kept (schema 4 or older) reads as one
    /// version, its current text, dated when the plan was drafted, with no reason.
    /// </summary>
    public static IReadOnlyList<PlanVersion> History(PlanState plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Versions.Count > 0
            ? plan.Versions
            : [new PlanVersion { Number = 1, At = plan.Created, Sections = Texts(plan.Sections) }];
    }

    /// <summary>The number of the plan's current version.</summary>
    public static int Current(PlanState plan) => History(plan)[^1].Number;

    /// <summary>The first version of a newly drafted plan.</summary>
    public static PlanState First(PlanState plan, string reason)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan with { Versions = [new PlanVersion { Number = 1, At = plan.Created, Reason = reason, Sections = Texts(plan.Sections) }] };
    }

    /// <summary>
    /// The plan with <paramref name="sections"/> as its text and, when any text differs, a new version dated
    /// <paramref name="now"/> with <paramref name="reason"/>. Unchanged text makes no version.
    /// </summary>
    public static PlanState Commit(PlanState plan, IReadOnlyList<PlanSection> sections, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(sections);
        var history = History(plan);
        var before = plan.Sections.ToDictionary(s => s.Id, s => s.Text, StringComparer.Ordinal);
        var changed = sections.Where(s => !before.TryGetValue(s.Id, out var old) || old != s.Text).ToList();
        if (changed.Count == 0)
        {
            return plan with { Sections = sections };
        }

        var versions = new List<PlanVersion>(history)
        {
            new() { Number = history[^1].Number + 1, At = now, Reason = reason, Sections = Texts(changed) },
        };
        while (versions.Count > MaxKept)
        {
            // The oldest kept version must hold every section: it takes the dropped version's text where it has none.
            var dropped = versions[0];
            var next = versions[1];
            var has = next.Sections.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            versions[1] = next with { Sections = [.. dropped.Sections.Where(s => !has.Contains(s.Id)), .. next.Sections] };
            versions.RemoveAt(0);
        }

        return plan with { Sections = sections, Versions = versions, Updated = now };
    }

    /// <summary>The version numbered <paramref name="number"/>, or null when it is not kept.</summary>
    public static PlanVersion? Find(PlanState plan, int number) => History(plan).FirstOrDefault(v => v.Number == number);

    /// <summary>
    /// Every section's text as it read in version <paramref name="number"/>, in the plan's section order; null when
    /// that version is not kept.
    /// </summary>
    public static IReadOnlyList<PlanSectionText>? TextAt(PlanState plan, int number)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var history = History(plan);
        if (!history.Any(v => v.Number == number))
        {
            return null;
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var version in history.Where(v => v.Number <= number))
        {
            foreach (var section in version.Sections)
            {
                texts[section.Id] = section.Text;
            }
        }

        var order = plan.Sections.Select(s => s.Id).Concat(texts.Keys).Distinct(StringComparer.Ordinal);
        return [.. order.Where(texts.ContainsKey).Select(id => new PlanSectionText(id, texts[id]))];
    }

    /// <summary>
    /// What changed in version <paramref name="number"/> against the version before it: for each section that
    /// changed, the sentences added and removed. Null when either version is not kept (the oldest kept has nothing
    /// before it to compare with).
    /// </summary>
    public static IReadOnlyList<PlanSectionChange>? Changes(PlanState plan, int number)
    {
        if (TextAt(plan, number) is not { } after || TextAt(plan, number - 1) is not { } before)
        {
            return null;
        }

        var old = before.ToDictionary(s => s.Id, s => s.Text, StringComparer.Ordinal);
        var changes = new List<PlanSectionChange>();
        foreach (var section in after)
        {
            var was = Sentences(old.GetValueOrDefault(section.Id) ?? string.Empty);
            var now = Sentences(section.Text);
            var added = Minus(now, was);
            var removed = Minus(was, now);
            if (added.Count > 0 || removed.Count > 0)
            {
                changes.Add(new PlanSectionChange(section.Id, added, removed));
            }
        }

        return changes;
    }

    /// <summary>A section's text as sentences: split at line ends and after a full stop, question or exclamation mark.</summary>
    public static IReadOnlyList<string> Sentences(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. text.Split('\n')
            .SelectMany(line => SentenceEnd().Split(line.Trim()))
            .Select(s => s.Trim())
            .Where(s => s.Length > 0)];
    }

    // A multiset difference that keeps order: a sentence said twice and kept once counts as one removed.
    private static List<string> Minus(IReadOnlyList<string> from, IReadOnlyList<string> take)
    {
        var left = take.GroupBy(s => s, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var sentence in from)
        {
            if (left.TryGetValue(sentence, out var n) && n > 0)
            {
                left[sentence] = n - 1;
            }
            else
            {
                result.Add(sentence);
            }
        }

        return result;
    }

    private static List<PlanSectionText> Texts(IEnumerable<PlanSection> sections) => [.. sections.Select(s => new PlanSectionText(s.Id, s.Text))];

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z""'(])")]
    private static partial Regex SentenceEnd();
}
