using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KitBot.Tests.Channels.Teams;

/// <summary>
/// A stand-in for login.botframework.com on a free loopback port: the OpenID metadata document and the JWKS
/// with the test's keys, which a test can rotate.
/// </summary>
public sealed class OpenIdMetadataServer : IAsyncDisposable
{
    private const string MetadataPath = "/v1/.well-known/openidconfiguration";
    private const string KeysPath = "/v1/.well-known/keys";

    private readonly WebApplication _app;
    private volatile TestSigningKey[] _keys;
    private int _keySetFetches;

    private OpenIdMetadataServer(WebApplication app, TestSigningKey[] keys)
    {
        _app = app;
        _keys = keys;
    }

    /// <summary>Where KitBot's Teams:OpenIdMetadataUrl should point.</summary>
    public string MetadataUrl => BaseUrl + MetadataPath;

    /// <summary>How many times the key set has been fetched.</summary>
    public int KeySetFetches => Volatile.Read(ref _keySetFetches);

    private string BaseUrl => _app.Urls.Single().TrimEnd('/');

    public static async Task<OpenIdMetadataServer> StartAsync(string issuer, params TestSigningKey[] keys)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new OpenIdMetadataServer(app, keys);

        app.MapGet(MetadataPath, () => Results.Text(new JsonObject
        {
            ["issuer"] = issuer,
            ["jwks_uri"] = server.BaseUrl + KeysPath,
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        }.ToJsonString(), "application/json"));

        app.MapGet(KeysPath, () =>
        {
            Interlocked.Increment(ref server._keySetFetches);
            var keys = new JsonArray([.. server._keys.Select(k => (JsonNode?)k.ToJwk())]);
            return Results.Text(new JsonObject { ["keys"] = keys }.ToJsonString(), "application/json");
        });

        await app.StartAsync();
        return server;
    }

    /// <summary>Replaces the published keys, as the Bot Framework does when it rotates them.</summary>
    public void Publish(params TestSigningKey[] keys) => _keys = keys;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
