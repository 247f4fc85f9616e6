using System.Text.Json.Nodes;
using KitBot.Testing;
using KitBot.Tests.Channels.Slack.Support;
using Microsoft.AspNetCore.Routing;

namespace KitBot.Tests.Packaging;

/// <summary>The Slack app manifest (deploy/slack/manifest.json) creates an app that reaches the endpoints the host maps.</summary>
public sealed class SlackManifestTests
{
    private const string Host = "https://YOUR-HOST";

    private static JsonNode Manifest() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "deploy", "slack", "manifest.json")))!;

    [Fact]
    public async Task ItsThreeUrls_AreTheSlackRoutesTheHostMaps()
    {
        var manifest = Manifest();
        await using var slack = await FakeSlackApi.StartAsync();
        await using var bot = await SlackHost.StartAsync(slack);
        var routes = bot.Get<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName?.StartsWith("Slack", StringComparison.Ordinal) == true)
            .ToDictionary(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName, e => "/" + e.RoutePattern.RawText!.TrimStart('/'));

        Assert.Equal(Host + routes["SlackEvents"], manifest["settings"]!["event_subscriptions"]!["request_url"]!.GetValue<string>());
        Assert.Equal(Host + routes["SlackInteractions"], manifest["settings"]!["interactivity"]!["request_url"]!.GetValue<string>());
        var command = Assert.Single(manifest["features"]!["slash_commands"]!.AsArray())!;
        Assert.Equal("/kit", command["command"]!.GetValue<string>());
        Assert.Equal(Host + routes["SlackCommands"], command["url"]!.GetValue<string>());
    }

    [Fact]
    public void ItAsksForTheScopesAndEventsKitBotUses_AndNoMore()
    {
        var manifest = Manifest();

        Assert.Equal(
            ["app_mentions:read", "chat:write", "commands", "im:history", "im:read", "im:write", "users:read"],
            manifest["oauth_config"]!["scopes"]!["bot"]!.AsArray().Select(s => s!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["app_home_opened", "app_mention", "message.im"],
            manifest["settings"]!["event_subscriptions"]!["bot_events"]!.AsArray().Select(s => s!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.True(manifest["settings"]!["interactivity"]!["is_enabled"]!.GetValue<bool>());
        Assert.Equal(1, manifest["_metadata"]!["major_version"]!.GetValue<int>());
    }
}
