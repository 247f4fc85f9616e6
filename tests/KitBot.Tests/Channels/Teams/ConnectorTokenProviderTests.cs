using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using KitBot.Channels.Teams;
using KitBot.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace KitBot.Tests.Channels.Teams;

/// <summary>
/// <see cref="MsalConnectorTokenProvider"/> with the real MSAL library against a local https token endpoint
/// (MSAL refuses authorities that are not https), reached through our <see cref="MsalHttpClientFactory"/>.
/// </summary>
public sealed class ConnectorTokenProviderTests : IAsyncLifetime
{
    private const string Tenant = "kitbot-tenant";

    private readonly X509Certificate2 _certificate = SelfSignedLoopbackCertificate();
    private ScriptedHttpServer _tokenEndpoint = null!;
    private ServiceProvider _services = null!;
    private int _issued;

    public async Task InitializeAsync()
    {
        _tokenEndpoint = await ScriptedHttpServer.StartAsync(certificate: _certificate);
        _tokenEndpoint.Fallback = IssueToken;

        // Trust exactly the test's certificate, on the client MSAL is given.
        var services = new ServiceCollection();
        services.AddHttpClient(MsalHttpClientFactory.ClientName).ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == _certificate.Thumbprint,
        });
        services.AddSingleton<IMsalHttpClientFactory, MsalHttpClientFactory>();
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _tokenEndpoint.DisposeAsync();
        _certificate.Dispose();
    }

    [Fact]
    public async Task GetToken_AsksTheTokenEndpointWithClientCredentials_ThenUsesMsalsCache()
    {
        var provider = Provider();

        var first = await provider.GetTokenAsync(forceRefresh: false, default);
        var second = await provider.GetTokenAsync(forceRefresh: false, default);

        Assert.Equal("access-token-1", first);
        Assert.Equal("access-token-1", second);
        var request = Assert.Single(_tokenEndpoint.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/{Tenant}/oauth2/v2.0/token", request.Target);
        var form = FormFields(request.Body);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal("app-id", form["client_id"]);
        Assert.Equal("the-secret", form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
    }

    [Fact]
    public async Task GetToken_WithForceRefresh_AsksAgain()
    {
        var provider = Provider();

        await provider.GetTokenAsync(forceRefresh: false, default);
        var refreshed = await provider.GetTokenAsync(forceRefresh: true, default);

        Assert.Equal("access-token-2", refreshed);
        Assert.Equal(2, _tokenEndpoint.Requests.Count);
    }

    [Fact]
    public async Task GetToken_WhenTheSecretIsWrong_ThrowsAFinalErrorWithTheCodeOnly()
    {
        _tokenEndpoint.Fallback = ScriptedHttpServer.Respond(401,
            """{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.","error_codes":[7000215]}""");

        var error = await Assert.ThrowsAsync<ConnectorTokenException>(() => Provider().GetTokenAsync(false, default));

        Assert.Equal("invalid_client", error.ErrorCode);
        Assert.False(error.IsTransient);
        Assert.DoesNotContain("AADSTS", error.Message);
    }

    [Fact]
    public async Task ConnectorClient_WithMsal_SendsTheTokenFromTheEndpoint()
    {
        await using var connector = await ScriptedHttpServer.StartAsync();
        var client = new ConnectorClient(
            new HttpClient(), Provider(), Options.Create(Teams()), Options.Create(new ConnectorOptions()),
            TimeProvider.System, new ListLogger<ConnectorClient>());
        var reference = new KitBot.Conversations.ConversationReference(
            "msteams:a:1", "msteams", "a:1", connector.BaseUri.ToString(), "29:user", "28:bot", Tenant, IsGroup: false);

        var result = await client.SendAsync(reference, new Activity { Type = ActivityTypes.Message, Text = "hi" }, default);

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        Assert.Equal("Bearer access-token-1", Assert.Single(connector.Requests).Authorization);
    }

    private MsalConnectorTokenProvider Provider() =>
        new(Options.Create(Teams()), _services.GetRequiredService<IMsalHttpClientFactory>());

    private TeamsOptions Teams() => new()
    {
        AppId = "app-id",
        AppPassword = "the-secret",
        TenantId = Tenant,
        AuthorityHost = _tokenEndpoint.BaseUri.ToString(),
        // The local endpoint is not a Microsoft cloud MSAL knows.
        ValidateAuthority = false,
    };

    private async Task IssueToken(HttpContext context)
    {
        var number = Interlocked.Increment(ref _issued);
        await ScriptedHttpServer.Respond(200, JsonSerializer.Serialize(new
        {
            token_type = "Bearer",
            expires_in = 3599,
            ext_expires_in = 3599,
            access_token = $"access-token-{number}",
        }))(context);
    }

    private static Dictionary<string, string> FormFields(string body) =>
        body.Split('&').Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1].Replace('+', ' ')));

    private static X509Certificate2 SelfSignedLoopbackCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        // Re-imported from PFX so Kestrel can use the private key on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}
