using System.Text.Json.Nodes;

namespace KitBot.Dialogs.Content;

/// <summary>
/// Merges a local authority's override into the built-in content key by key, so an override file holds only what
/// it changes: objects merge property by property; lists of objects with an <c>id</c> merge item by item (new ids
/// are added at the end); anything else is replaced.
/// </summary>
internal static class JsonMerge
{
    public static JsonNode? Merge(JsonNode? baseNode, JsonNode? overrideNode)
    {
        switch (baseNode, overrideNode)
        {
            case (JsonObject baseObject, JsonObject overrideObject):
                var merged = (JsonObject)baseObject.DeepClone();
                foreach (var (key, value) in overrideObject)
                {
                    merged[key] = merged.TryGetPropertyValue(key, out var existing)
                        ? Merge(existing, value)
                        : value?.DeepClone();
                }

                return merged;

            case (JsonArray baseArray, JsonArray overrideArray) when HasIds(baseArray) && HasIds(overrideArray):
                var items = baseArray.Select(item => item!.DeepClone()).ToList();
                foreach (var item in overrideArray)
                {
                    var index = items.FindIndex(existing => Id(existing) == Id(item));
                    if (index >= 0)
                    {
                        items[index] = Merge(items[index], item)!;
                    }
                    else
                    {
                        items.Add(item!.DeepClone());
                    }
                }

                return new JsonArray([.. items]);

            default:
                return overrideNode?.DeepClone();
        }
    }

    private static bool HasIds(JsonArray array) => array.Count > 0 && array.All(item => Id(item) is not null);

    private static string? Id(JsonNode? node) =>
        node is JsonObject o && o.TryGetPropertyValue("id", out var id) && id is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
