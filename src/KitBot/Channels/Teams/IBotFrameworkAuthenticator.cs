namespace KitBot.Channels.Teams;

/// <summary>Checks the bearer token on a request from the Bot Framework channel service.</summary>
public interface IBotFrameworkAuthenticator
{
    /// <summary>
    /// Validates the <c>Authorization</c> header. Returns null when the request must be refused (401).
    /// The caller then checks the identity against the activity with <see cref="BotFrameworkIdentity.Allows"/>.
    /// </summary>
    Task<BotFrameworkIdentity?> AuthenticateAsync(string? authorizationHeader, CancellationToken cancellationToken);
}

/// <summary>Who a validated token says the caller is.</summary>
/// <param name="Anonymous">True in anonymous local development (no app id).</param>
/// <param name="ServiceUrl">The token's <c>serviceurl</c> claim.</param>
/// <param name="Endorsements">The channels the signing key is endorsed for; null when the key carries none.</param>
public sealed record BotFrameworkIdentity(bool Anonymous, string? ServiceUrl, IReadOnlyCollection<string>? Endorsements)
{
    /// <summary>The identity used when no app id is configured.</summary>
    public static BotFrameworkIdentity AnonymousDevelopment { get; } = new(true, null, null);

    /// <summary>True when the token may carry this activity: same service URL, key endorsed for its channel.</summary>
    public bool Allows(Activity activity) =>
        Anonymous
        || (string.Equals(ServiceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase)
            && (Endorsements is null || (activity.ChannelId is { } channel && Endorsements.Contains(channel))));
}
