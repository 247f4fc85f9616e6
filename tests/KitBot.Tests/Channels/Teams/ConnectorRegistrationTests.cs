using KitBot.Channels.Teams;
using KitBot.Conversations;
using KitBot.Hosting;
using KitBot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KitBot.Tests.Channels.Teams;

/// <summary>The connector as the host wires it: settings bound and validated, a client that really delivers.</summary>
public sealed class ConnectorRegistrationTests
{
    [Fact]
    public async Task AddTeamsChannel_GivesAClientThatDeliversWithTheConfiguredSettings()
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        server.Enqueue(ScriptedHttpServer.Respond(503));
        await using var services = Services(new()
        {
            ["Teams:Connector:MaxAttempts"] = "1",
        });

        var client = services.GetRequiredService<IConnectorClient>();
        var reference = new ConversationReference("msteams:a:1", "msteams", "a:1", server.BaseUri.ToString(), "29:user", "28:bot", "t", false);
        var first = await client.SendAsync(reference, new Activity { Type = ActivityTypes.Message, Text = "hi" }, default);
        var second = await client.SendAsync(reference, new Activity { Type = ActivityTypes.Message, Text = "hi" }, default);

        // One attempt allowed: the 503 is not retried; the next call goes through.
        Assert.Equal(ConnectorOutcome.Failed, first.Outcome);
        Assert.Equal(ConnectorOutcome.Sent, second.Outcome);
        Assert.Equal([503, 201], server.Requests.Select(r => r.Status));
        Assert.All(server.Requests, r => Assert.Null(r.Authorization));
    }

    [Fact]
    public async Task ConnectorSettings_WithBaseDelayLongerThanMaxDelay_AreRefused()
    {
        await using var services = Services(new()
        {
            ["Teams:Connector:BaseDelay"] = "00:00:10",
            ["Teams:Connector:MaxDelay"] = "00:00:05",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ConnectorOptions>>().Value);
        Assert.Contains("Teams:Connector:BaseDelay", error.Message);
    }

    [Fact]
    public async Task ConnectorSettings_OutOfRange_AreRefused()
    {
        await using var services = Services(new() { ["Teams:Connector:MaxAttempts"] = "0" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ConnectorOptions>>().Value);
        Assert.Contains("MaxAttempts", error.Message);
    }

    [Fact]
    public async Task TeamsSettings_WithAppIdButNoSecretOrTenant_AreRefused()
    {
        await using var services = Services(new() { ["Teams:AppId"] = "app-id" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TeamsOptions>>().Value);
        Assert.Contains("Teams:AppPassword", error.Message);
        Assert.Contains("Teams:TenantId", error.Message);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        // As KitBotHost registers them.
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.Section).ValidateDataAnnotations();
        services.AddTeamsChannel();
        return services.BuildServiceProvider();
    }
}
