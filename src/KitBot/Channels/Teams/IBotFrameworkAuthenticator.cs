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

    /// <summary>
    /// The channels a signing key without <c>endorsements</c> may speak for: the ones KitBot serves through the Bot
    /// Framework metadata (PROTOCOLS.md section 2, items 2 and 5): <c>msteams</c>, the Bot Framework <c>emulator</c>
    /// and <c>webchat</c> (the Agents Playground and Web Chat). Never an arbitrary <c>channelId</c>: a key that names
    /// no channel is not thereby endorsed for all of them.
    /// </summary>
    public static IReadOnlySet<string> UnendorsedChannels { get; } = new HashSet<string>(["msteams", "emulator", "webchat"], StringComparer.Ordinal);

    /// <summary>
    /// True when the token may carry this activity: same service URL, and the key endorsed for its channel (or,
    /// when the key carries no endorsements, the channel one of <see cref="UnendorsedChannels"/>).
    /// </summary>
    public bool Allows(Activity activity) =>
        Anonymous
        || (string.Equals(ServiceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase)
            && activity.ChannelId is { } channel
            && (Endorsements?.Contains(channel) ?? UnendorsedChannels.Contains(channel)));
}
