using System.Text.Json.Nodes;
using KitBot.Testing;

namespace KitBot.Tests.Channels.Slack;

/// <summary>deploy/slack/manifest-socket-mode.json: the same app as manifest.json, reached through Socket Mode instead of request URLs.</summary>
public sealed class SlackSocketModeManifestTests
{
    private static JsonObject Read(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "deploy", "slack", name)))!.AsObject();

    [Fact]
    public void IsTheHttpManifest_WithSocketModeOn_AndNoRequestUrls()
    {
        var socket = Read("manifest-socket-mode.json");
        var http = Read("manifest.json");

        Assert.True(socket["settings"]!["socket_mode_enabled"]!.GetValue<bool>());
        Assert.DoesNotContain("https://", socket.ToJsonString(), StringComparison.Ordinal);

        // Put the URLs back and turn Socket Mode off: what is left is exactly the HTTP manifest (same scopes, events, command).
        socket["settings"]!["socket_mode_enabled"] = false;
        socket["settings"]!["event_subscriptions"]!["request_url"] = http["settings"]!["event_subscriptions"]!["request_url"]!.DeepClone();
        socket["settings"]!["interactivity"]!["request_url"] = http["settings"]!["interactivity"]!["request_url"]!.DeepClone();
        socket["features"]!["slash_commands"]![0]!["url"] = http["features"]!["slash_commands"]![0]!["url"]!.DeepClone();
        Assert.True(JsonNode.DeepEquals(http, socket), socket.ToJsonString());
    }
}
