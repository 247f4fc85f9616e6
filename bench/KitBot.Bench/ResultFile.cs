using System.Text.Json;
using System.Text.Json.Nodes;

namespace KitBot.Bench;

/// <summary>Each mode writes its figures as one JSON file; <c>report</c> turns them into docs/benchmarks.md.</summary>
public static class ResultFile
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task WriteAsync(string path, JsonObject result)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, result.ToJsonString(Indented));
        Console.WriteLine(result.ToJsonString(Indented));
    }

    public static JsonObject? Read(string path) => File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) as JsonObject : null;
}
