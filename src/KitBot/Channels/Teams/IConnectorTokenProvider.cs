namespace KitBot.Channels.Teams;

/// <summary>Bearer tokens for calls to the Bot Framework connector (OAuth2 client credentials, PROTOCOLS.md section 2).</summary>
public interface IConnectorTokenProvider
{
    /// <summary>
    /// A current access token; cached between calls. <paramref name="forceRefresh"/> skips the cache, after the
    /// connector rejected a token with 401. Throws <see cref="ConnectorTokenException"/> when none can be had.
    /// </summary>
    Task<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken);
}
