using KitBot.Security;

namespace KitBot.Hosting;

/// <summary>Registers the per-user limit on inbound turns (Security:TurnsPerMinutePerUser).</summary>
public static class SecurityServiceCollectionExtensions
{
    public static IServiceCollection AddTurnRateLimit(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TurnRateLimiter>();
        return services;
    }
}
