using System.Net;
using KitBot.Hosting;
using KitBot.Tests.Channels.Slack.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;

namespace KitBot.Tests.Channels.Slack;

/// <summary>The Slack settings section: off by default, and checked at start when on.</summary>
public sealed class SlackSettingsTests
{
    private static async Task<Exception?> StartAsync(params string[] settings)
    {
        var data = Directory.CreateTempSubdirectory("kitbot-slack-settings-").FullName;
        var builder = KitBotHost.CreateBuilder(
        [
            "--urls=http://127.0.0.1:0",
            $"--Storage:Sqlite:Path={Path.Combine(data, "kitbot.db")}",
            "--Logging:LogLevel:Default=Warning",
            .. settings.Select(s => "--" + s),
        ]);
        builder.AddKitBot();
        await using var app = builder.Build();
        try
        {
            app.MapKitBot();
            await app.StartAsync();
            await app.StopAsync();
            return null;
        }
        catch (OptionsValidationException e)
        {
            return e;
        }
    }

    [Theory]
    [InlineData("Slack:Workspaces", "Slack:Enabled=true")]
    [InlineData("Slack:Workspaces:0", "Slack:Enabled=true", "Slack:Workspaces:0:TeamId=T1", "Slack:Workspaces:0:BotToken=not-a-bot-token", "Slack:Workspaces:0:SigningSecret=long-enough-secret")]
    [InlineData("Slack:Workspaces:0", "Slack:Enabled=true", "Slack:Workspaces:0:TeamId=T1", "Slack:Workspaces:0:BotToken=xoxb-1")]
    [InlineData("Slack:AppToken", "Slack:Enabled=true", "Slack:AppToken=xoxb-a-bot-token-not-an-app-token",
        "Slack:Workspaces:0:TeamId=T1", "Slack:Workspaces:0:BotToken=xoxb-1", "Slack:Workspaces:0:SigningSecret=long-enough-secret")]
    [InlineData("more than once", "Slack:Enabled=true",
        "Slack:Workspaces:0:TeamId=T1", "Slack:Workspaces:0:BotToken=xoxb-1", "Slack:Workspaces:0:SigningSecret=long-enough-secret",
        "Slack:Workspaces:1:TeamId=T1", "Slack:Workspaces:1:BotToken=xoxb-2", "Slack:Workspaces:1:SigningSecret=long-enough-secret")]
    public async Task BadSlackSettings_StopTheHost_NamingTheSetting(string named, params string[] settings)
    {
        var error = await StartAsync(settings);

        Assert.NotNull(error);
        Assert.Contains(named, error!.Message);
    }

    [Fact]
    public async Task SlackIsOffByDefault_NoEndpointsAreMapped()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        await using var bot = await SlackHost.StartAsync(slack, "Slack:Enabled=false");

        using var response = await bot.SendAsync(SlackRequests.Event(SlackRequests.DirectMessage("help")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(await StartAsync());
    }
}
