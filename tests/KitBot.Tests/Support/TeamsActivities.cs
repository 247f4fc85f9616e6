using System.Text.Json.Nodes;

namespace KitBot.Tests.Support;

/// <summary>
/// Activities as Teams posts them to <c>/api/messages</c> from a personal chat with the bot: the envelope every Teams
/// test needs, with the test's own parts (text, a card's value, an invoke, a timestamp) laid over it.
/// </summary>
public static class TeamsActivities
{
    /// <summary>The bot's id in the envelope's <c>recipient</c>.</summary>
    public const string BotId = "28:kitbot";

    /// <summary>
    /// A message from <paramref name="user"/> in the personal chat <paramref name="conversation"/>, each property of
    /// <paramref name="content"/> replacing or adding to the envelope's (for example <c>type</c> for an invoke).
    /// </summary>
    public static JsonObject Personal(string serviceUrl, string conversation, string user, JsonObject content)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = "m-" + Guid.NewGuid().ToString("N"),
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = user },
            ["recipient"] = new JsonObject { ["id"] = BotId },
            ["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = "personal" },
        };
        foreach (var (key, node) in content)
        {
            activity[key] = node?.DeepClone();
        }

        return activity;
    }

    /// <summary>Typed text.</summary>
    public static JsonObject Message(string text) => new() { ["type"] = "message", ["text"] = text };

    /// <summary>An Action.Execute press: an <c>adaptiveCard/action</c> invoke with <paramref name="verb"/> and no data.</summary>
    public static JsonObject Invoke(string verb) => new()
    {
        ["type"] = "invoke",
        ["name"] = "adaptiveCard/action",
        ["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = new JsonObject() } },
    };
}
