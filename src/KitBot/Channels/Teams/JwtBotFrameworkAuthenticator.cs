using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace KitBot.Channels.Teams;

/// <summary>
/// Validates the Bot Framework channel's bearer token (PROTOCOLS.md section 2): RS256 signature against the keys
/// in the configured OpenID metadata, issuer, audience = app id, lifetime with clock skew; and reads the
/// <c>serviceurl</c> claim and the signing key's channel endorsements for the endpoint to check.
/// </summary>
public sealed class JwtBotFrameworkAuthenticator : IBotFrameworkAuthenticator, IDisposable
{
    private const string BearerPrefix = "Bearer ";
    private const string ServiceUrlClaim = "serviceurl";
    private const string EndorsementsProperty = "endorsements";

    private readonly TeamsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<JwtBotFrameworkAuthenticator> _logger;
    private readonly HttpClient _http;
    private readonly string _metadataUrl;
    private readonly HttpDocumentRetriever _retriever;
    private readonly JsonWebTokenHandler _handler = new();

    // Our own cache rather than the library's ConfigurationManager: its refresh-on-demand depends on a process-wide
    // switch read once, wherever the library first looks, and on the system clock. This one reads the injected clock.
    private readonly SemaphoreSlim _fetch = new(1, 1);
    private OpenIdConnectConfiguration? _configuration;
    private DateTimeOffset _fetchedAt;
    private DateTimeOffset? _lastUnknownKeyFetch;

    /// <summary>How often an unknown key id may make KitBot fetch the keys again, so bogus kids cannot hammer the endpoint.</summary>
    private static readonly TimeSpan UnknownKeyRefetch = TimeSpan.FromMinutes(5);

    public JwtBotFrameworkAuthenticator(IOptions<TeamsOptions> options, TimeProvider time, ILogger<JwtBotFrameworkAuthenticator> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;

        var url = new Uri(_options.OpenIdMetadataUrl, UriKind.Absolute);
        _metadataUrl = url.AbsoluteUri;

        // Long-lived, so connections are recycled to follow DNS changes; the channel gives up after about 15 s.
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(10),
        };

        // Plain http only for a loopback metadata server (tests); TeamsOptionsValidator refuses anything else.
        _retriever = new HttpDocumentRetriever(_http) { RequireHttps = !IsLoopbackHttp(url) };
    }

    public async Task<BotFrameworkIdentity?> AuthenticateAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return Refuse("no bearer token");
        }

        var token = authorizationHeader.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            ? authorizationHeader[BearerPrefix.Length..].Trim()
            : null;
        if (string.IsNullOrEmpty(token) || token.Contains(' ') || !_handler.CanReadToken(token))
        {
            return Refuse("malformed authorization header");
        }

        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await GetConfigurationAsync(stale: null, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.SigningKeysUnavailable(_logger, e.GetType().Name);
            return Refuse("signing keys unavailable");
        }

        var result = await ValidateAsync(token, configuration);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The channel may have rotated its keys since the last fetch: fetch once more (throttled).
            OpenIdConnectConfiguration refreshed;
            try
            {
                refreshed = await GetConfigurationAsync(stale: configuration, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.SigningKeysUnavailable(_logger, e.GetType().Name);
                return Refuse("signing keys unavailable");
            }

            if (!ReferenceEquals(refreshed, configuration))
            {
                configuration = refreshed;
                result = await ValidateAsync(token, configuration);
            }
        }

        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return Refuse(Reason(result.Exception));
        }

        if (!jwt.TryGetPayloadValue<string>(ServiceUrlClaim, out var serviceUrl) || string.IsNullOrWhiteSpace(serviceUrl))
        {
            return Refuse("no serviceurl claim");
        }

        // Endorsements belong to the key, not the token: look the signing key up in the key set by its kid.
        if (jwt.SigningKey?.KeyId is not { Length: > 0 } kid)
        {
            return Refuse("signing key has no kid");
        }

        return new BotFrameworkIdentity(false, serviceUrl, Endorsements(configuration, kid));
    }

    public void Dispose()
    {
        _http.Dispose();
        _fetch.Dispose();
    }

    /// <summary>
    /// The channel's OpenID configuration, fetched again after <see cref="TeamsOptions.SigningKeyRefresh"/>, or when
    /// <paramref name="stale"/> (the configuration that did not know a token's key) is still the newest and the
    /// last such fetch was long enough ago. A failed scheduled refresh keeps the keys already held.
    /// </summary>
    private async Task<OpenIdConnectConfiguration> GetConfigurationAsync(OpenIdConnectConfiguration? stale, CancellationToken cancellationToken)
    {
        if (stale is null && _configuration is { } cached && _time.GetUtcNow() - _fetchedAt < _options.SigningKeyRefresh)
        {
            return cached;
        }

        await _fetch.WaitAsync(cancellationToken);
        try
        {
            var now = _time.GetUtcNow();
            var current = _configuration;
            if (current is not null && !ReferenceEquals(current, stale) && now - _fetchedAt < _options.SigningKeyRefresh)
            {
                return current;
            }

            if (stale is not null)
            {
                if (_lastUnknownKeyFetch is { } last && now - last < UnknownKeyRefetch)
                {
                    return current ?? stale;
                }

                _lastUnknownKeyFetch = now;
            }

            try
            {
                current = await OpenIdConnectConfigurationRetriever.GetAsync(_metadataUrl, _retriever, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException && current is not null && stale is null)
            {
                Log.SigningKeysUnavailable(_logger, e.GetType().Name);
                return current;
            }

            _configuration = current;
            _fetchedAt = now;
            return current;
        }
        finally
        {
            _fetch.Release();
        }
    }

    private Task<TokenValidationResult> ValidateAsync(string token, OpenIdConnectConfiguration configuration) =>
        _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuers = _options.ValidIssuers,
            ValidAudience = _options.AppId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = _options.ClockSkew,

            // TokenValidationParameters.TimeProvider is internal in 8.x, so the built-in lifetime check would read
            // the system clock; this one reads the injected TimeProvider.
            LifetimeValidator = ValidateLifetime,
        });

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException("The token has no expiry.");
        }

        if (notBefore is { } start && start.ToUniversalTime() > now + parameters.ClockSkew)
        {
            throw new SecurityTokenNotYetValidException("The token is not valid yet.");
        }

        if (expires.Value.ToUniversalTime() < now - parameters.ClockSkew)
        {
            throw new SecurityTokenExpiredException("The token has expired.");
        }

        return true;
    }

    private static IReadOnlyCollection<string>? Endorsements(OpenIdConnectConfiguration configuration, string kid)
    {
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, kid, StringComparison.Ordinal));
        if (key is null || !key.AdditionalData.TryGetValue(EndorsementsProperty, out var value) || value is null)
        {
            return null;
        }

        // The JSON reader hands unknown members over as JsonElement; accept a plain list too in case that changes.
        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray(),
            IEnumerable<object> list => list.OfType<string>().ToArray(),
            // Present but unreadable: endorsed for nothing rather than for everything.
            _ => [],
        };
    }

    private static string Reason(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "expired",
        SecurityTokenNotYetValidException => "not yet valid",
        SecurityTokenNoExpirationException => "no expiry",
        SecurityTokenInvalidAudienceException => "wrong audience",
        SecurityTokenInvalidIssuerException => "wrong issuer",
        SecurityTokenSignatureKeyNotFoundException => "unknown signing key",
        SecurityTokenInvalidSignatureException => "bad signature",
        SecurityTokenInvalidAlgorithmException => "algorithm not allowed",
        SecurityTokenMalformedException => "malformed token",
        null => "invalid token",
        // The type name only: exception messages can quote parts of the token.
        _ => exception.GetType().Name,
    };

    private BotFrameworkIdentity? Refuse(string reason)
    {
        Log.AuthenticationFailed(_logger, reason);
        return null;
    }

    private static bool IsLoopbackHttp(Uri url) =>
        url.Scheme == Uri.UriSchemeHttp && TeamsOptionsValidator.IsLoopback(url.AbsoluteUri);
}
