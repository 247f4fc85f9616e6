using KitBot.Channels.Teams;
using Microsoft.Extensions.Options;

namespace KitBot.Hosting;

/// <summary>Registers the Teams (Bot Framework) channel.</summary>
public static class TeamsServiceCollectionExtensions
{
    public static IServiceCollection AddTeamsChannel(this IServiceCollection services)
    {
        // With no app id the host runs anonymously (local development only; see TeamsOptionsValidator).
        services.AddSingleton<IBotFrameworkAuthenticator>(sp =>
            sp.GetRequiredService<IOptions<TeamsOptions>>().Value.IsAnonymous
                ? new AnonymousAuthenticator()
                : ActivatorUtilities.CreateInstance<JwtBotFrameworkAuthenticator>(sp));

        services.AddHttpClient<IConnectorClient, ConnectorClient>();
        services.AddSingleton<TeamsSender>();
        services.AddSingleton<TeamsAdapter>();
        return services;
    }
}
