using System.Text.Json.Nodes;

namespace KitBot.Tests.Channels.Slack.Support;

/// <summary>One call KitBot made to the fake Slack: the Web API method (or <c>response_url</c>), its token and JSON body.</summary>
public sealed record SlackApiCall(string Method, string? Authorization, JsonObject Body, string Path)
{
    public string? Channel => Body["channel"]?.GetValue<string>();

    public JsonArray Blocks => Body["blocks"] as JsonArray ?? [];

    public string Json => Body.ToJsonString();
}
