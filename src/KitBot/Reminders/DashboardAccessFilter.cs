using System.Net;
using System.Security.Cryptography;
using System.Text;
using Hangfire.Dashboard;

namespace KitBot.Reminders;

/// <summary>
/// Who may open the Hangfire dashboard: requests from this machine itself (unless <c>AllowLocal</c> is off), or,
/// only when remote access is configured, requests with the configured user name and password (HTTP Basic). Never
/// an anonymous remote user. A request that came through a proxy (any client-address header) is remote, whatever
/// address it came from; a proxy that adds no header cannot be told apart, which is why the deploy guide says to
/// switch <c>AllowLocal</c> off behind a proxy on the same machine and rely on credentials.
/// </summary>
public sealed class DashboardAccessFilter(DashboardAccessOptions options, ILogger logger) : IDashboardAsyncAuthorizationFilter
{
    // Headers proxies, CDNs and load balancers use to pass on the client's address or the original request. Any of
    // them, or any header starting with a prefix below, marks the request as forwarded.
    private static readonly string[] ForwardingHeaders =
    [
        "Forwarded", "X-Forwarded", "Forwarded-For", "X-Real-IP", "True-Client-IP", "X-Client-IP", "Client-IP",
        "CF-Connecting-IP", "CF-Connecting-IPv6", "X-Cluster-Client-IP", "Fastly-Client-IP", "X-ProxyUser-Ip",
        "X-Envoy-External-Address", "X-Envoy-Original-Path", "X-Azure-ClientIP", "X-Azure-SocketIP", "X-ARR-ClientIP",
        "X-Appengine-User-IP", "X-Host", "X-Remote-IP", "X-Remote-Addr", "X-Originating-IP", "X-Client-Addr", "Via",
        "X-Waws-Unencoded-Url", "X-Arr-Ssl", "X-MS-Forwarded-Client-IP",
    ];

    private static readonly string[] ForwardingPrefixes = ["X-Forwarded-", "X-Original-", "X-Real-", "X-Client-"];

    public Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (options.AllowLocal && IsLocal(http))
        {
            return Task.FromResult(true);
        }

        if (!options.RemoteConfigured)
        {
            Log.DashboardRefused(logger, "remote request; remote access is off");
            return Task.FromResult(false);
        }

        if (HasValidCredentials(http.Request.Headers.Authorization.ToString()))
        {
            return Task.FromResult(true);
        }

        Log.DashboardRefused(logger, "remote request without valid credentials");
        http.Response.Headers.WWWAuthenticate = "Basic realm=\"KitBot Hangfire\", charset=\"UTF-8\"";
        return Task.FromResult(false);
    }

    /// <summary>
    /// Local means a connection from the loopback address itself (127.0.0.1 or ::1) carrying no forwarding header of
    /// any kind. The server's own other addresses do not count: a proxy on this machine can connect from them.
    /// </summary>
    public static bool IsLocal(HttpContext http)
    {
        if (IsForwarded(http.Request.Headers))
        {
            return false;
        }

        var remote = http.Connection.RemoteIpAddress;
        if (remote is null)
        {
            return false;
        }

        if (remote.IsIPv4MappedToIPv6)
        {
            remote = remote.MapToIPv4();
        }

        return remote.Equals(IPAddress.Loopback) || remote.Equals(IPAddress.IPv6Loopback);
    }

    /// <summary>True when any header says a proxy passed the request on.</summary>
    public static bool IsForwarded(IHeaderDictionary headers) =>
        headers.Keys.Any(name =>
            ForwardingHeaders.Any(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase))
            || ForwardingPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)));

    private bool HasValidCredentials(string header)
    {
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        // Compare hashes in constant time so the response time says nothing about how close a guess was.
        var userOk = CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(decoded[..colon])), SHA256.HashData(Encoding.UTF8.GetBytes(options.Username)));
        var expected = Convert.FromHexString(options.PasswordSha256.Trim());
        var passwordOk = CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(decoded[(colon + 1)..])), expected);
        return userOk & passwordOk;
    }
}
