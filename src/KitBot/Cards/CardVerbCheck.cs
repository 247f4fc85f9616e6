using System.Text.Json.Nodes;

namespace KitBot.Cards;

/// <summary>
/// The start-up check that no card carries a button nobody answers: every verb written in a card template must be
/// in the verb table. (Verbs a template takes from its data come from the core's own constants; the crawler test
/// presses every one of those.)
/// </summary>
public static class CardVerbCheck
{
    /// <summary>Every (template, verb) pair whose verb is written literally in the template.</summary>
    public static IEnumerable<(string Template, string Verb)> LiteralVerbs(IEnumerable<KeyValuePair<string, JsonNode>> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        foreach (var (name, node) in templates.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            foreach (var verb in VerbsIn(node))
            {
                yield return (name, verb);
            }
        }
    }

    /// <summary>The pairs among <see cref="LiteralVerbs"/> whose verb is not in <paramref name="verbs"/>.</summary>
    public static IReadOnlyList<(string Template, string Verb)> Unanswered(IEnumerable<KeyValuePair<string, JsonNode>> templates, IReadOnlySet<string> verbs) =>
        [.. LiteralVerbs(templates).Where(t => !verbs.Contains(t.Verb)).Distinct()];

    /// <summary>Throws, naming each template and verb, when a card template carries a verb no handler answers.</summary>
    public static void ThrowIfUnanswered(CardRenderer cards, IReadOnlySet<string> verbs)
    {
        ArgumentNullException.ThrowIfNull(cards);
        var missing = Unanswered(cards.Sources, verbs);
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                "These card templates carry a verb no handler answers: "
                + string.Join("; ", missing.Select(m => $"template '{m.Template}', verb '{m.Verb}'")) + ".");
        }
    }

    private static IEnumerable<string> VerbsIn(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == Dialogs.Turns.CardActionFields.Verb && value is JsonValue v && v.TryGetValue<string>(out var verb)
                        && !verb.Contains("${", StringComparison.Ordinal))
                    {
                        yield return verb;
                    }

                    foreach (var inner in VerbsIn(value))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var inner in VerbsIn(item))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }
}
