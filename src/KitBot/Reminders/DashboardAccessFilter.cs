using System.Net;
using System.Security.Cryptography;
using System.Text;
using Hangfire.Dashboard;

namespace KitBot.Reminders;

/// <summary>
/// Who may open the Hangfire dashboard: requests from this machine itself, or, only when remote access is
/// configured, remote requests with the configured user name and password (HTTP Basic). Never an anonymous
/// remote user. A request that came through a proxy (forwarding headers) is remote, whatever address it came from.
/// </summary>
public sealed class DashboardAccessFilter(DashboardAccessOptions options, ILogger logger) : IDashboardAsyncAuthorizationFilter
{
    private static readonly string[] ForwardingHeaders = ["X-Forwarded-For", "Forwarded", "X-Real-IP", "X-Forwarded-Host"];

    public Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (IsLocal(http))
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
    /// Local means the loopback address itself or the server's own address, as Hangfire's local-only filter
    /// counts it, and no proxy in between.
    /// </summary>
    public static bool IsLocal(HttpContext http)
    {
        if (ForwardingHeaders.Any(h => http.Request.Headers.ContainsKey(h)))
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

        return remote.Equals(IPAddress.Loopback) || remote.Equals(IPAddress.IPv6Loopback)
            || remote.Equals(http.Connection.LocalIpAddress);
    }

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
