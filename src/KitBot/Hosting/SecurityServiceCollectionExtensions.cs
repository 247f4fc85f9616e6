using System.Net;
using KitBot.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace KitBot.Hosting;

/// <summary>Registers the per-user limit on inbound turns (Security:TurnsPerMinutePerUser).</summary>
public static class SecurityServiceCollectionExtensions
{
    public static IServiceCollection AddTurnRateLimit(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TurnRateLimiter>();

        // Forwarded headers are believed only from the proxies named in Security:KnownProxies. ASP.NET Core's own
        // default also trusts loopback, which would let anything on this machine claim any address: cleared.
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SecurityOptions>>((forwarded, security) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in security.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });

        // A body the client framed badly (chunked encoding, a short Content-Length) surfaces as BadHttpRequestException
        // wherever it is read, including inside the Hangfire dashboard: its status (400, 413), not a 500.
        services.Configure<ExceptionHandlerOptions>(o => o.StatusCodeSelector = ClientFaultStatus);
        return services;
    }

    /// <summary>The status for an unhandled exception: a client's framing fault anywhere in its chain is its status, else 500.</summary>
    public static int ClientFaultStatus(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is BadHttpRequestException bad)
            {
                return bad.StatusCode;
            }
        }

        return StatusCodes.Status500InternalServerError;
    }
}
