using System.Text.Json.Nodes;

namespace KitBot.Dialogs.Tests.Support;

/// <summary>Walks card templates and card data in tests.</summary>
internal static class CardJson
{
    /// <summary>Every object in <paramref name="node"/>, itself first, depth first.</summary>
    public static IEnumerable<JsonObject> Descendants(JsonNode node) => node switch
    {
        JsonObject o => new[] { o }.Concat(o.Select(p => p.Value).OfType<JsonNode>().SelectMany(Descendants)),
        JsonArray a => a.OfType<JsonNode>().SelectMany(Descendants),
        _ => [],
    };

    /// <summary>Every property path in the data, with array items merged ("people[].forms[].because").</summary>
    public static HashSet<string> Paths(JsonNode? node, string prefix = "")
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o)
                {
                    var path = prefix.Length == 0 ? key : prefix + "." + key;
                    paths.Add(path);
                    paths.UnionWith(Paths(child, path));
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    paths.UnionWith(Paths(item, prefix + "[]"));
                }

                break;
        }

        return paths;
    }
}
