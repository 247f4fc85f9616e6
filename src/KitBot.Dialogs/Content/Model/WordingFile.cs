using System.Text.Json.Serialization;

namespace KitBot.Dialogs.Content.Model;

/// <summary>wording.json: terms a local authority renames (used as <c>{{term}}</c> in any file) and messages.</summary>
internal sealed record WordingFile
{
    [JsonPropertyName("terms")] public required IReadOnlyDictionary<string, string> Terms { get; init; }
    [JsonPropertyName("messages")] public required IReadOnlyDictionary<string, string> Messages { get; init; }
}
