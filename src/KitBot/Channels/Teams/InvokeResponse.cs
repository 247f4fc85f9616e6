using System.Text.Json.Nodes;

namespace KitBot.Channels.Teams;

/// <summary>The synchronous answer to an <c>invoke</c> activity: the HTTP status and body.</summary>
public sealed record InvokeResponse(int Status, JsonObject? Body)
{
    /// <summary>An Action.Execute answered with a message Teams shows the user.</summary>
    public static InvokeResponse Message(string text) => new(200, new JsonObject
    {
        ["statusCode"] = 200,
        ["type"] = ActivityTypes.ActivityMessageContentType,
        ["value"] = text,
    });

    /// <summary>An Action.Execute that failed, with a message Teams can show.</summary>
    public static InvokeResponse Error(int statusCode, string code, string message) => new(200, new JsonObject
    {
        ["statusCode"] = statusCode,
        ["type"] = ActivityTypes.ErrorContentType,
        ["value"] = new JsonObject { ["code"] = code, ["message"] = message },
    });

    /// <summary>An invoke KitBot does not handle.</summary>
    public static InvokeResponse NotImplemented { get; } = new(501, null);
}
