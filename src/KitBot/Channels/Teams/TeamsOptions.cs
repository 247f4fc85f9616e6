using System.ComponentModel.DataAnnotations;

namespace KitBot.Channels.Teams;

/// <summary>The <c>Teams</c> settings section: the bot's registration and how tokens are checked and obtained.</summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";

    /// <summary>The bot's Microsoft app id. Empty means anonymous local development (no tokens either way).</summary>
    public string AppId { get; set; } = "";

    /// <summary>The bot's client secret, for outbound tokens. From the environment or a secret store, never the file.</summary>
    public string AppPassword { get; set; } = "";

    /// <summary>The tenant the bot is registered in (single-tenant bots); <c>botframework.com</c> for legacy multi-tenant bots.</summary>
    public string TenantId { get; set; } = "";

    /// <summary>
    /// Lets the host run with no app id on an address other than loopback. Anyone who can reach it can then
    /// talk to KitBot as anyone: only for an isolated test network.
    /// </summary>
    public bool DangerouslyAllowAnonymousOnNonLoopback { get; set; }

    /// <summary>Where the Bot Framework's OpenID metadata is (signing keys for inbound tokens).</summary>
    [Required]
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Issuers accepted on inbound tokens.</summary>
    public string[] ValidIssuers { get; set; } = ["https://api.botframework.com"];

    /// <summary>Clock skew allowed on token lifetimes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:30:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the signing keys are fetched again even without an unknown key id.</summary>
    /// <remarks>At least 5 minutes, so the channel's metadata endpoint is not asked more often than it needs.</remarks>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan SigningKeyRefresh { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The authority host for outbound client-credentials tokens.</summary>
    [Required]
    public string AuthorityHost { get; set; } = "https://login.microsoftonline.com";

    /// <summary>
    /// Whether MSAL checks <see cref="AuthorityHost"/> against Microsoft's known clouds (instance discovery). Turn it
    /// off only for a token endpoint of your own, such as a local fake in tests.
    /// </summary>
    public bool ValidateAuthority { get; set; } = true;

    /// <summary>The scope requested for outbound tokens.</summary>
    [Required]
    public string OAuthScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>The largest outgoing activity, in bytes of JSON; larger ones are refused before sending.</summary>
    [Range(1024, 1_000_000)]
    public int MaxOutgoingActivityBytes { get; set; } = 28 * 1024;

    /// <summary>The largest inbound request body, in bytes.</summary>
    [Range(1024, 10_000_000)]
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// How long a request from Teams waits for its turn before it is answered. Teams gives up on an invoke after
    /// about 15 seconds; a turn still sending replies (a slow connector) is answered with a short acknowledgement
    /// and its replies follow as ordinary posts.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:00:10")]
    public TimeSpan AnswerBudget { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// How many Teams turns run at once; more wait in arrival order (their request still open, its body not yet
    /// read, within <see cref="AnswerBudget"/>). Keeps memory flat under a burst; a few dozen already use two cores
    /// fully.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxTurnsInFlight { get; set; } = 32;

    /// <summary>
    /// The Teams tenants KitBot serves. Empty means the bot's own <see cref="TenantId"/> when an app id is set,
    /// and any tenant in anonymous local development.
    /// </summary>
    public string[] AllowedTenants { get; set; } = [];

    /// <summary>True when an activity from <paramref name="tenantId"/> may be served.</summary>
    public bool Serves(string? tenantId)
    {
        var allowed = AllowedTenants.Length > 0 ? AllowedTenants : IsAnonymous ? null : [TenantId];
        return allowed is null || (tenantId is not null && allowed.Contains(tenantId, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>True when no app id is configured.</summary>
    public bool IsAnonymous => string.IsNullOrWhiteSpace(AppId);
}
