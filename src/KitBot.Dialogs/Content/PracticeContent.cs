using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KitBot.Dialogs.Content.Model;

namespace KitBot.Dialogs.Content;

/// <summary>
/// The practice content the dialogs use (questions, factors, purposes, forms, rules, roles, wording), read from the
/// files built into KitBot.Dialogs and, optionally, a local authority's override folder. Everything is validated
/// when it is loaded: a broken file throws <see cref="PracticeContentException"/> naming the file and the problem,
/// so the host stops at start-up rather than on a practitioner's click.
/// </summary>
public sealed partial class PracticeContent
{
    /// <summary>The content files, by name. An override folder may hold any of them, and nothing else.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        ["consultation.json", "factors.json", "suggestions.json", "rules.json", "roles.json", "wording.json", "plan.json", "privacy.json"];

    private static readonly Lazy<PracticeContent> BuiltIn = new(() => Load(null));

    private readonly IReadOnlyDictionary<string, Factor> _factors;
    private readonly ILookup<string, Factor> _factorsByGroup;
    private readonly IReadOnlyDictionary<string, ContactForm> _forms;
    private readonly IReadOnlyDictionary<string, string> _purposes;
    private readonly IReadOnlyDictionary<string, string> _advice;
    private readonly IReadOnlyDictionary<string, string> _answers;

    private PracticeContent(
        ConsultationFile consultation, FactorsFile factors, SuggestionsFile suggestions, RulesFile rules, RolesFile roles, WordingFile wording, PlanFile plan, PrivacyFile privacy)
    {
        PrivacyWords = privacy;
        Privacy = new Privacy.PrivacyChecker(privacy);
        Consultation = consultation;
        Factors = factors;
        Suggestions = suggestions;
        Rules = rules;
        Roles = roles;
        Wording = wording;
        Plan = plan;
        _factors = factors.Factors.ToDictionary(f => f.Id, StringComparer.Ordinal);
        _factorsByGroup = factors.Factors.ToLookup(f => f.Group, StringComparer.Ordinal);
        _forms = suggestions.Forms.ToDictionary(f => f.Id, StringComparer.Ordinal);
        _purposes = suggestions.Purposes.ToDictionary(p => p.Id, p => p.Text, StringComparer.Ordinal);
        _advice = suggestions.Advice.ToDictionary(a => a.Id, a => a.Text, StringComparer.Ordinal);
        _answers = factors.Answers.ToDictionary(a => a.Id, a => a.Text, StringComparer.Ordinal);
    }

    /// <summary>The built-in content, loaded once.</summary>
    public static PracticeContent Default => BuiltIn.Value;

    internal ConsultationFile Consultation { get; }

    internal FactorsFile Factors { get; }

    internal SuggestionsFile Suggestions { get; }

    internal RulesFile Rules { get; }

    internal RolesFile Roles { get; }

    internal WordingFile Wording { get; }

    internal PlanFile Plan { get; }

    internal PrivacyFile PrivacyWords { get; }

    /// <summary>The privacy check of free text, with this content's names and titles (a local authority's included).</summary>
    public Privacy.PrivacyChecker Privacy { get; }

    /// <summary>
    /// Loads the built-in content, merged key by key with the files in <paramref name="overrideFolder"/> when it is
    /// given (see <see cref="FileNames"/>), and validates it.
    /// </summary>
    /// <exception cref="PracticeContentException">A file is missing, is not valid JSON, or holds content that cannot be used.</exception>
    public static PracticeContent Load(string? overrideFolder)
    {
        var overrides = ReadOverrides(overrideFolder);
        var nodes = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in FileNames)
        {
            var node = Parse(file, "built in", ReadBuiltIn(file));
            sources[file] = "built in";
            if (overrides.TryGetValue(file, out var path))
            {
                sources[file] = $"built in, with the override '{path}'";
                node = JsonMerge.Merge(node, Parse(file, path, File.ReadAllText(path)))!;
            }

            nodes[file] = node;
        }

        var wording = Deserialize(nodes, sources, "wording.json", ContentJsonContext.Default.WordingFile);
        foreach (var file in FileNames)
        {
            ReplaceTerms(nodes[file], wording.Terms, file, sources[file]);
        }

        wording = Deserialize(nodes, sources, "wording.json", ContentJsonContext.Default.WordingFile);
        var content = new PracticeContent(
            Deserialize(nodes, sources, "consultation.json", ContentJsonContext.Default.ConsultationFile),
            Deserialize(nodes, sources, "factors.json", ContentJsonContext.Default.FactorsFile),
            Deserialize(nodes, sources, "suggestions.json", ContentJsonContext.Default.SuggestionsFile),
            Deserialize(nodes, sources, "rules.json", ContentJsonContext.Default.RulesFile),
            Deserialize(nodes, sources, "roles.json", ContentJsonContext.Default.RolesFile),
            wording,
            Deserialize(nodes, sources, "plan.json", ContentJsonContext.Default.PlanFile),
            Deserialize(nodes, sources, "privacy.json", ContentJsonContext.Default.PrivacyFile));

        foreach (var (file, problems) in ContentValidator.Validate(content))
        {
            if (problems.Count > 0)
            {
                throw new PracticeContentException(file, sources[file], string.Join(" ", problems));
            }
        }

        return content;
    }

    /// <summary>A message from wording.json with its <c>{placeholders}</c> filled in.</summary>
    internal string Message(string key, params (string Name, object Value)[] values)
    {
        var text = Wording.Messages[key];
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>
    /// A message from plan.json with its <c>{placeholders}</c> filled in one pass, so text the practitioner typed
    /// (a label such as "Sister {2}") is never mistaken for a placeholder.
    /// </summary>
    internal string PlanMessage(string key, params (string Name, object Value)[] values)
    {
        var text = Plan.Messages[key];
        return values.Length == 0
            ? text
            : Placeholder().Replace(text, match => values.FirstOrDefault(v => v.Name == match.Groups[1].Value) is { Name: not null } hit
                ? Convert.ToString(hit.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty
                : match.Value);
    }

    internal Factor Factor(string id) => _factors[id];

    internal bool TryGetFactor(string id, out Factor factor) => _factors.TryGetValue(id, out factor!);

    internal ContactForm Form(string id) => _forms[id];

    internal string Purpose(string id) => _purposes[id];

    internal string Advice(string id) => _advice[id];

    internal string AnswerText(string id) => _answers[id];

    internal IEnumerable<Factor> FactorsIn(string group) => _factorsByGroup[group];

    internal FactorGroup Group(string id) => Factors.Groups.First(g => g.Id == id);

    private static IReadOnlyDictionary<string, string> ReadOverrides(string? folder)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(folder))
        {
            return found;
        }

        if (!Directory.Exists(folder))
        {
            throw new PracticeContentException("(override folder)", folder, "the folder does not exist.");
        }

        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (!FileNames.Contains(name, StringComparer.Ordinal))
            {
                throw new PracticeContentException(name, path,
                    $"it is not a content file KitBot knows. An override folder may hold only: {string.Join(", ", FileNames)}.");
            }

            found[name] = path;
        }

        return found;
    }

    private static string ReadBuiltIn(string file)
    {
        using var stream = typeof(PracticeContent).Assembly.GetManifestResourceStream("KitBot.Dialogs.Content." + file)
            ?? throw new PracticeContentException(file, "built in", "the file is not embedded in KitBot.Dialogs.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static JsonNode Parse(string file, string source, string json)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            }) as JsonObject ?? throw new PracticeContentException(file, source, "the file must hold one JSON object.");
        }
        catch (JsonException e)
        {
            throw new PracticeContentException(file, source, $"it is not valid JSON ({e.Message}).", e);
        }
    }

    private static T Deserialize<T>(
        Dictionary<string, JsonNode> nodes, Dictionary<string, string> sources, string file, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        try
        {
            return nodes[file].Deserialize(type)
                ?? throw new PracticeContentException(file, sources[file], "the file is empty.");
        }
        catch (JsonException e)
        {
            throw new PracticeContentException(file, sources[file], e.Message, e);
        }
    }

    // Terms such as {{letterboxService}} let a local authority rename a service once, everywhere it is mentioned.
    private static void ReplaceTerms(JsonNode node, IReadOnlyDictionary<string, string> terms, string file, string source)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList())
                {
                    if (o[key] is JsonValue v && v.TryGetValue<string>(out var s))
                    {
                        o[key] = Substitute(s, terms, file, source);
                    }
                    else if (o[key] is { } child)
                    {
                        ReplaceTerms(child, terms, file, source);
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is JsonValue v && v.TryGetValue<string>(out var s))
                    {
                        a[i] = Substitute(s, terms, file, source);
                    }
                    else if (a[i] is { } child)
                    {
                        ReplaceTerms(child, terms, file, source);
                    }
                }

                break;
        }
    }

    private static string Substitute(string text, IReadOnlyDictionary<string, string> terms, string file, string source) =>
        TermPattern().Replace(text, match => terms.TryGetValue(match.Groups[1].Value, out var term)
            ? term
            : throw new PracticeContentException(file, source,
                $"the term '{{{{{match.Groups[1].Value}}}}}' is not defined in wording.json 'terms'."));

    [GeneratedRegex(@"\{\{([A-Za-z0-9_.-]+)\}\}")]
    private static partial Regex TermPattern();

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
