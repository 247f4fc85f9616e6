namespace KitBot.Channels.Teams;

/// <summary>
/// No outbound token could be obtained. Carries only an error code, never the token endpoint's message, so it is
/// safe to log.
/// </summary>
public sealed class ConnectorTokenException(string errorCode, bool isTransient, Exception? innerException = null)
    : Exception($"No token for the Bot Framework connector ({errorCode}).", innerException)
{
    /// <summary>The token service's error code, for example <c>invalid_client</c>.</summary>
    public string ErrorCode { get; } = errorCode;

    /// <summary>True when trying again later may work (throttling, an outage, a network error).</summary>
    public bool IsTransient { get; } = isTransient;
}
