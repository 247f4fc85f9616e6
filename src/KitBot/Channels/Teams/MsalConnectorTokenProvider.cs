using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace KitBot.Channels.Teams;

/// <summary>
/// Outbound tokens from Entra ID with MSAL (client credentials). MSAL keeps the token in its own in-memory cache
/// and renews it before it expires, so this must be a singleton.
/// </summary>
public sealed class MsalConnectorTokenProvider : IConnectorTokenProvider
{
    private readonly TeamsOptions _options;
    private readonly Lazy<IConfidentialClientApplication> _app;

    public MsalConnectorTokenProvider(IOptions<TeamsOptions> options, IMsalHttpClientFactory httpClientFactory)
    {
        _options = options.Value;
        // Built on first use: in anonymous mode there is no app id and no token is ever asked for.
        _app = new(() => Build(_options, httpClientFactory));
    }

    public async Task<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        if (_options.IsAnonymous)
        {
            throw new InvalidOperationException("Teams:AppId is empty (anonymous mode): there is no outbound token to get.");
        }

        try
        {
            var result = await _app.Value
                .AcquireTokenForClient([_options.OAuthScope])
                .WithForceRefresh(forceRefresh)
                .ExecuteAsync(cancellationToken);
            return result.AccessToken;
        }
        catch (MsalException e)
        {
            // MSAL's messages can quote the token service's reply; pass on only the code and whether to try again.
            throw new ConnectorTokenException(e.ErrorCode, e.IsRetryable, e);
        }
    }

    private static IConfidentialClientApplication Build(TeamsOptions options, IMsalHttpClientFactory httpClientFactory) =>
        ConfidentialClientApplicationBuilder.Create(options.AppId)
            .WithClientSecret(options.AppPassword)
            // Single-tenant bots use their own tenant; legacy multi-tenant bots use "botframework.com".
            .WithAuthority($"{options.AuthorityHost.TrimEnd('/')}/{options.TenantId}", options.ValidateAuthority)
            .WithInstanceDiscovery(options.ValidateAuthority)
            .WithHttpClientFactory(httpClientFactory)
            .Build();
}
