using System.Net;
using KitBot.Channels.Teams;
using KitBot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace KitBot.Tests.Channels.Teams;

/// <summary>The start-up rules for Teams settings: never anonymous beyond loopback by accident; token checks that can work.</summary>
public sealed class TeamsOptionsValidatorTests
{
    [Theory]
    [InlineData("http://0.0.0.0:3978")]
    [InlineData("http://*:3978")]
    [InlineData("http://+:3978")]
    [InlineData("http://localhost:3978;https://kitbot.example.test")]
    public void Anonymous_ListeningBeyondLoopback_FailsNamingAppId(string urls)
    {
        var result = Validate(new TeamsOptions(), ("Urls", urls));

        Assert.True(result.Failed);
        Assert.Contains("Teams:AppId", result.FailureMessage);
        Assert.Contains("Teams:DangerouslyAllowAnonymousOnNonLoopback", result.FailureMessage);
    }

    [Fact]
    public void Anonymous_WithKestrelEndpointBeyondLoopback_Fails()
    {
        var result = Validate(new TeamsOptions(), ("Urls", "http://localhost:3978"), ("Kestrel:Endpoints:Public:Url", "http://10.1.2.3:80"));

        Assert.True(result.Failed);
        Assert.Contains("http://10.1.2.3:80", result.FailureMessage);
    }

    [Fact]
    public void Anonymous_BeyondLoopbackWhenExplicitlyAllowed_Succeeds()
    {
        var result = Validate(new TeamsOptions { DangerouslyAllowAnonymousOnNonLoopback = true }, ("Urls", "http://0.0.0.0:3978"));

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("http://localhost:3978")]
    [InlineData("http://127.0.0.1:3978")]
    [InlineData("http://[::1]:3978")]
    public void Anonymous_OnLoopback_Succeeds(string urls)
    {
        Assert.True(Validate(new TeamsOptions(), ("Urls", urls)).Succeeded);
    }

    [Fact]
    public void WithAppId_ListeningEverywhere_Succeeds()
    {
        Assert.True(Validate(new TeamsOptions { AppId = "app" }, ("Urls", "http://0.0.0.0:3978")).Succeeded);
    }

    [Theory]
    [InlineData("http://keys.example.test/.well-known/openidconfiguration")]
    [InlineData("not a url")]
    public void WithAppId_MetadataNotOverHttpsOrLoopback_FailsNamingTheSetting(string url)
    {
        var result = Validate(new TeamsOptions { AppId = "app", OpenIdMetadataUrl = url });

        Assert.True(result.Failed);
        Assert.Contains("Teams:OpenIdMetadataUrl", result.FailureMessage);
    }

    [Fact]
    public void WithAppId_MetadataOverHttpOnLoopback_Succeeds()
    {
        Assert.True(Validate(new TeamsOptions { AppId = "app", OpenIdMetadataUrl = "http://127.0.0.1:5555/keys" }).Succeeded);
    }

    [Fact]
    public void WithAppId_NoIssuers_FailsNamingTheSetting()
    {
        var result = Validate(new TeamsOptions { AppId = "app", ValidIssuers = [] });

        Assert.True(result.Failed);
        Assert.Contains("Teams:ValidIssuers", result.FailureMessage);
    }

    [Fact]
    public void HostStart_AnonymousOnAllInterfaces_StopsWithMessageNamingAppId()
    {
        using var kitBot = new KitBotFactory().WithSetting("Urls", "http://0.0.0.0:3978");

        var error = Assert.ThrowsAny<Exception>(() => kitBot.CreateClient());

        var validation = Assert.IsType<OptionsValidationException>(Find<OptionsValidationException>(error));
        Assert.Contains("Teams:AppId", validation.Message);
    }

    [Fact]
    public async Task HostStart_AnonymousOnAllInterfacesWhenExplicitlyAllowed_Starts()
    {
        using var kitBot = new KitBotFactory()
            .WithSetting("Urls", "http://0.0.0.0:3978")
            .WithSetting("Teams:DangerouslyAllowAnonymousOnNonLoopback", "true");

        using var response = await kitBot.CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task HostStart_AnonymousOnLocalhost_Starts()
    {
        using var kitBot = new KitBotFactory().WithSetting("Urls", "http://localhost:3978");

        using var response = await kitBot.CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static ValidateOptionsResult Validate(TeamsOptions options, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new TeamsOptionsValidator(configuration).Validate(Options.DefaultName, options);
    }

    private static Exception? Find<T>(Exception error)
        where T : Exception
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is T)
            {
                return e;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Select(Find<T>).FirstOrDefault(x => x is not null) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
