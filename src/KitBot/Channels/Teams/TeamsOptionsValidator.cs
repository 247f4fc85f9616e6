using System.Net;
using Microsoft.Extensions.Options;

namespace KitBot.Channels.Teams;

/// <summary>
/// Stops the host at start when it would serve anonymous requests beyond this machine (with no app id, anyone
/// who reached it could act as any user), or when tokens could not be checked safely (keys fetched over plain
/// http from elsewhere, no issuer to accept).
/// </summary>
public sealed class TeamsOptionsValidator(IConfiguration configuration) : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options) =>
        options.IsAnonymous ? ValidateAnonymous(options) : ValidateTokenChecks(options);

    private ValidateOptionsResult ValidateAnonymous(TeamsOptions options)
    {
        if (options.DangerouslyAllowAnonymousOnNonLoopback)
        {
            return ValidateOptionsResult.Success;
        }

        var exposed = ListenUrls(configuration).Where(url => !IsLoopback(url)).ToList();
        return exposed.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Teams:AppId is empty, so KitBot would accept unauthenticated requests, but it is set to listen on " +
                "(Urls, ASPNETCORE_URLS, HTTP_PORTS, ASPNETCORE_HTTP_PORTS or Kestrel:Endpoints) " +
                $"{string.Join(", ", exposed)}. Set Teams:AppId (and Teams:AppPassword, Teams:TenantId), listen on " +
                "localhost only, or set Teams:DangerouslyAllowAnonymousOnNonLoopback to true for an isolated test network.");
    }

    private static ValidateOptionsResult ValidateTokenChecks(TeamsOptions options)
    {
        var failures = new List<string>();

        // Outbound tokens come from here with the app's secret: over TLS only (plain http on loopback for a test fake).
        if (!Uri.TryCreate(options.AuthorityHost, UriKind.Absolute, out var authority)
            || !(authority.Scheme == Uri.UriSchemeHttps || (authority.Scheme == Uri.UriSchemeHttp && IsLoopback(authority.AbsoluteUri))))
        {
            failures.Add($"Teams:AuthorityHost must be an absolute https URL such as https://login.microsoftonline.com (plain http only on loopback, for tests); it is '{options.AuthorityHost}'.");
        }

        // The signing keys decide who may talk to KitBot: fetch them over TLS, except from a local test server.
        if (!Uri.TryCreate(options.OpenIdMetadataUrl, UriKind.Absolute, out var metadata)
            || !(metadata.Scheme == Uri.UriSchemeHttps || (metadata.Scheme == Uri.UriSchemeHttp && IsLoopback(metadata.AbsoluteUri))))
        {
            failures.Add($"Teams:OpenIdMetadataUrl must be an absolute https URL (plain http only on loopback, for tests); it is '{options.OpenIdMetadataUrl}'.");
        }

        if (options.ValidIssuers is not { Length: > 0 } issuers || issuers.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add("Teams:ValidIssuers must list at least one issuer, with no empty entries.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>
    /// Every address KitBot may listen on, from any source Kestrel reads: <c>Urls</c> / <c>--urls</c> /
    /// <c>ASPNETCORE_URLS</c>, <c>HTTP_PORTS</c> / <c>HTTPS_PORTS</c> (and their <c>ASPNETCORE_</c> / <c>DOTNET_</c>
    /// forms, which bind every interface), and <c>Kestrel:Endpoints</c>. Read from the configuration and straight from
    /// the environment, so an empty <c>Urls</c> cannot hide a port variable Kestrel falls back to.
    /// </summary>
    internal static IEnumerable<string> ListenUrls(IConfiguration configuration)
    {
        static IEnumerable<string> Split(string? value) =>
            (value ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        var urls = new[] { configuration["urls"], configuration["ASPNETCORE_URLS"], Environment.GetEnvironmentVariable("ASPNETCORE_URLS"), Environment.GetEnvironmentVariable("DOTNET_URLS") }
            .SelectMany(Split);
        string[] portKeys = ["http_ports", "https_ports", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_HTTP_PORTS", "DOTNET_HTTPS_PORTS"];
        var ports = portKeys
            .SelectMany(key => new[] { configuration[key], Environment.GetEnvironmentVariable(key), Environment.GetEnvironmentVariable(key.ToUpperInvariant()) })
            .SelectMany(Split)
            .Select(port => $"http://*:{port}");
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(e => e["Url"]).OfType<string>();
        return urls.Concat(ports).Concat(endpoints).Distinct(StringComparer.OrdinalIgnoreCase);
    }

    internal static bool IsLoopback(string url)
    {
        // "http://*:80" and "http://+:80" are not valid URIs; they bind every interface.
        if (!Uri.TryCreate(url.Replace("://*", "://any-host").Replace("://+", "://any-host"), UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}
