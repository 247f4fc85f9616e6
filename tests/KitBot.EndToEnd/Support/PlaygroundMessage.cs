using System.Text.Json;
using System.Text.Json.Nodes;
using KitBot.Testing;

namespace KitBot.EndToEnd.Support;

/// <summary>A message the playground pushed to its UI: what a Teams user would see.</summary>
public sealed record PlaygroundMessage(string Action, string Id, string? FromId, string? Text, JsonArray Attachments, JsonNode Raw)
{
    /// <summary>The first Adaptive Card in the message, if any.</summary>
    public JsonObject? Card => Attachments
        .FirstOrDefault(a => a?["contentType"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive")?["content"] as JsonObject;

    /// <summary>True when the message has a card whose JSON contains <paramref name="text"/>.</summary>
    public bool CardContains(string text) => Card?.ToJsonString().Contains(text, StringComparison.Ordinal) == true;

    /// <summary>
    /// What the card's button for <paramref name="verb"/> submits (a copy of its data: verb, dialog stamp, ids), to
    /// merge the user's inputs into, as the Teams client does. Fails when the card has no such button.
    /// </summary>
    public JsonObject ActionData(string verb)
    {
        var data = CardScreen.Buttons(Card ?? throw new InvalidOperationException($"Message {Id} has no card."))
            .Select(o => o["data"] as JsonObject)
            .FirstOrDefault(d => d?["verb"]?.ToString() == verb);
        return (JsonObject?)data?.DeepClone() ?? throw new InvalidOperationException($"The card has no button for '{verb}'.");
    }

    public string Describe() => $"{Action} {Id}: {Text ?? Card?.ToJsonString()[..Math.Min(200, Card.ToJsonString().Length)]}";

    internal static PlaygroundMessage? TryParse(string json)
    {
        try
        {
            var node = JsonNode.Parse(json);
            var action = node?["action"]?.GetValue<string>();
            if (action is not ("createMessage" or "updateMessage") || node!["message"] is not JsonObject message)
            {
                return null;
            }

            return new PlaygroundMessage(
                action,
                message["messageId"]?.ToString() ?? message["id"]?.ToString() ?? "",
                message["from"]?["id"]?.GetValue<string>(),
                message["text"]?.GetValue<string>(),
                message["attachments"] as JsonArray ?? [],
                node);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
