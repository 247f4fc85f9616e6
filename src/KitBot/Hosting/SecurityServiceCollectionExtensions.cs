using System.Net;
using KitBot.Security;
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
        return services;
    }
}
