using KitBot.Channels.Teams;
using KitBot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace KitBot.Tests.Security;

/// <summary>Settings that would hurt once running stop the host at start, with a message naming the setting.</summary>
public sealed class SettingsConsistencyTests
{
    [Theory]
    [InlineData("Reminders:Lease=00:00:30", "Reminders:Lease")]
    [InlineData("Reminders:Lease=00:01:59", "Reminders:Lease")]
    public async Task LeaseNotLongerThanTheConnectorBudgetPlusAMargin_StopsTheHost(string setting, string named)
    {
        // Default Teams:Connector:TotalBudget is 30 s: a lease must be at least 2 x 30 s + 1 min.
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => ReminderHost.StartAsync(settings: [setting]));

        Assert.Contains(named, e.Message, StringComparison.Ordinal);
        Assert.Contains("Teams:Connector:TotalBudget", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeaseCheckedAgainstTheConfiguredBudget()
    {
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            ReminderHost.StartAsync(settings: ["Reminders:Lease=00:05:00", "Teams:Connector:TotalBudget=00:03:00"]));

        Assert.Contains("Reminders:Lease", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://login.microsoftonline.com")]
    [InlineData("http://10.0.0.5/")]
    [InlineData("login.microsoftonline.com")]
    [InlineData("ftp://login.microsoftonline.com")]
    public void AuthorityHostNotHttps_FailsNamingTheSetting(string authority)
    {
        var result = Validate(new TeamsOptions { AppId = "app", AuthorityHost = authority });

        Assert.True(result.Failed);
        Assert.Contains("Teams:AuthorityHost", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AuthorityHostHttpsOrLoopbackTestServer_Succeeds()
    {
        Assert.True(Validate(new TeamsOptions { AppId = "app", AuthorityHost = "https://login.microsoftonline.us" }).Succeeded);
        Assert.True(Validate(new TeamsOptions { AppId = "app", AuthorityHost = "http://127.0.0.1:5123/" }).Succeeded);
    }

    [Theory]
    [InlineData("http_ports", "8080")]
    [InlineData("https_ports", "8443")]
    [InlineData("ASPNETCORE_HTTP_PORTS", "80")]
    [InlineData("HTTP_PORTS", "80")]
    [InlineData("ASPNETCORE_URLS", "http://0.0.0.0:80")]
    public void Anonymous_WithEmptyUrlsAndAPortOrUrlVariable_Fails(string key, string value)
    {
        var result = Validate(new TeamsOptions(), ("Urls", ""), (key, value));

        Assert.True(result.Failed);
        Assert.Contains("Teams:AppId", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Anonymous_OnLoopbackOnly_Succeeds() =>
        Assert.True(Validate(new TeamsOptions(), ("Urls", "http://127.0.0.1:3978;http://localhost:3979;http://[::1]:3980")).Succeeded);

    [Fact]
    public void Anonymous_WithEmptyUrlsAndHttpPorts_StopsTheRealHost()
    {
        using var host = new KitBotFactory().WithSetting("Urls", "").WithSetting("http_ports", "8080");

        var e = Assert.ThrowsAny<Exception>(() => host.Services);

        Assert.Contains("Teams:AppId", e.ToString(), StringComparison.Ordinal);
    }

    private static ValidateOptionsResult Validate(TeamsOptions options, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new TeamsOptionsValidator(configuration).Validate(Options.DefaultName, options);
    }
}
