using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using KitBot.Dialogs.Plans;
using KitBot.Dialogs.Turns;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace KitBot.Plans;

/// <summary>
/// Issues and checks plan download links: <c>GET /plans/download/{token}</c>, where the token is the practitioner's
/// state key, the plan id, the format and an expiry time, encrypted and signed with ASP.NET Core Data Protection
/// (purpose <see cref="Purpose"/>). A token cannot be altered to name another person or plan, reveals nothing about
/// either, and stops working after <see cref="PlanOptions.DownloadLinkLifetime"/>, judged on the injected clock. Each
/// token carries a random nonce, and the first download spends it: a link works once, for whoever opens it first.
/// </summary>
public sealed class DownloadLinks
{
    /// <summary>The Data Protection purpose string: tokens from any other purpose are refused.</summary>
    public const string Purpose = "KitBot.PlanDownload";

    /// <summary>The path download links start with.</summary>
    public const string PathPrefix = "/plans/download/";

    private readonly IDataProtector _protector;
    private readonly IOptions<PlanOptions> _options;
    private readonly TimeProvider _time;
    private readonly IServer? _server;
    private readonly IConfiguration? _configuration;

    public DownloadLinks(
        IDataProtectionProvider protection, IOptions<PlanOptions> options, TimeProvider time, IServer? server = null, IConfiguration? configuration = null)
    {
        _protector = protection.CreateProtector(Purpose);
        _options = options;
        _time = time;
        _server = server;
        _configuration = configuration;
    }

    /// <summary>How long a link works.</summary>
    public TimeSpan Lifetime => _options.Value.DownloadLinkLifetime;

    /// <summary>A link to <paramref name="planId"/> in the state under <paramref name="stateKey"/>, as <paramref name="format"/>.</summary>
    public DownloadLink Issue(string stateKey, string planId, PlanFormat format)
    {
        var expires = _time.GetUtcNow() + Lifetime;
        var payload = new JsonObject
        {
            ["k"] = stateKey,
            ["p"] = planId,
            ["f"] = format == PlanFormat.Word ? "docx" : "txt",
            ["e"] = expires.ToUnixTimeSeconds(),
            ["n"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        }.ToJsonString();
        var token = _protector.Protect(payload);
        return new DownloadLink(new Uri(BaseUrl(), PathPrefix.TrimStart('/') + token), DateTimeOffset.FromUnixTimeSeconds(expires.ToUnixTimeSeconds()));
    }

    /// <summary>Checks a token from a link: valid, expired, or not one KitBot issued.</summary>
    public DownloadCheck Read(string token)
    {
        DownloadToken read;
        try
        {
            var payload = JsonNode.Parse(_protector.Unprotect(token));
            if (payload?["k"]?.GetValue<string>() is not { } key
                || payload["p"]?.GetValue<string>() is not { } plan
                || payload["e"]?.GetValue<long>() is not { } seconds
                || payload["f"]?.GetValue<string>() is not ("docx" or "txt")
                || payload["n"]?.GetValue<string>() is not { Length: 32 } nonce)
            {
                return new DownloadCheck(DownloadTokenStatus.Invalid, null);
            }

            read = new DownloadToken(key, plan, payload["f"]!.GetValue<string>() == "docx" ? PlanFormat.Word : PlanFormat.Text, DateTimeOffset.FromUnixTimeSeconds(seconds), nonce);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or JsonException or InvalidOperationException or ArgumentException)
        {
            // Altered, cut short, made up, or signed for another purpose or by keys this host does not have.
            return new DownloadCheck(DownloadTokenStatus.Invalid, null);
        }

        return new DownloadCheck(_time.GetUtcNow() < read.Expires ? DownloadTokenStatus.Valid : DownloadTokenStatus.Expired, read);
    }

    /// <summary>The data for the <c>plan-download</c> card: what the link is for, the button, the link, its lifetime.</summary>
    public JsonObject CardData(DownloadReply reply, DownloadLink link) => new()
    {
        ["text"] = reply.Text,
        ["linkTitle"] = reply.LinkTitle,
        ["url"] = link.Url.AbsoluteUri,
        ["minutes"] = (int)Math.Ceiling(Lifetime.TotalMinutes),
    };

    private Uri BaseUrl()
    {
        var configured = _options.Value.PublicBaseUrl;
        var url = configured.Length > 0
            ? configured
            : _server?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? _configuration?["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
                ?? "http://localhost:3978";

        // A wildcard listening address ("http://+:80", "http://[::]:80") is not somewhere a browser can go.
        url = url.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal);
        return new Uri(url.TrimEnd('/') + "/");
    }
}
