using Microsoft.Identity.Client;

namespace KitBot.Channels.Teams;

/// <summary>
/// Gives MSAL its HttpClient from <see cref="IHttpClientFactory"/>, so token requests share pooled handlers that
/// follow DNS changes, and tests can point MSAL at a local token endpoint.
/// </summary>
public sealed class MsalHttpClientFactory(IHttpClientFactory factory) : IMsalHttpClientFactory
{
    /// <summary>The named HttpClient MSAL uses.</summary>
    public const string ClientName = "KitBot.Msal";

    public HttpClient GetHttpClient() => factory.CreateClient(ClientName);
}
