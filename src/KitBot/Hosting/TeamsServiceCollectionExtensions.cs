using KitBot.Channels.Teams;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

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

        // An app id without a secret and tenant would accept messages and fail every reply: refuse to start.
        services.AddSingleton<IValidateOptions<TeamsOptions>, TeamsCredentialsValidator>();
        services.AddOptions<ConnectorOptions>().BindConfiguration(ConnectorOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // MSAL caches and renews the token itself, so one provider for the whole process; its HTTP goes through
        // the factory like everything else.
        services.AddHttpClient(MsalHttpClientFactory.ClientName).RedactLoggedHeaders(["Authorization"]);
        services.AddSingleton<IMsalHttpClientFactory, MsalHttpClientFactory>();
        services.AddSingleton<IConnectorTokenProvider, MsalConnectorTokenProvider>();

        services.AddHttpClient<IConnectorClient, ConnectorClient>(http =>
            {
                // ConnectorClient times each attempt itself on the injected clock (Teams:Connector:AttemptTimeout).
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            // TeamsSender is a singleton and keeps its client for the life of the process, so the handler is
            // never rotated by the factory: recycle pooled connections instead, to follow DNS changes.
            // The connector never redirects, and a reply's bearer token is not to follow one.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // Every reply is a request: the factory's two logging handlers (off by default in appsettings.json) cost
            // allocations on each one. ConnectorClient logs what an administrator needs: failures, retries, refusals.
            .RemoveAllLoggers();

        services.AddSingleton<TeamsSender>();
        services.AddSingleton<Channels.IChannel>(sp => sp.GetRequiredService<TeamsSender>());
        services.AddSingleton<TeamsAdapter>();
        // At most Teams:MaxTurnsInFlight turns run at once; the rest queue (memory stays flat under a burst).
        services.AddSingleton(sp => new Turns.TurnGate(sp.GetRequiredService<IOptions<TeamsOptions>>().Value.MaxTurnsInFlight));
        // Turns answered before they finished sending (Teams:AnswerBudget) are waited for when the host stops.
        services.AddSingleton<TurnsInFlight>();
        services.AddHostedService(sp => sp.GetRequiredService<TurnsInFlight>());
        return services;
    }
}
