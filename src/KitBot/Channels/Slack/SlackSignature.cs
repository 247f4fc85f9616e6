using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace KitBot.Channels.Slack;

/// <summary>
/// Slack request signing (PROTOCOLS.md section 5): <c>v0=</c> + hex HMAC-SHA256 of <c>v0:{timestamp}:{raw body}</c>
/// with the app's signing secret, the timestamp within 300 seconds of now either way. Checked over the raw bytes
/// before anything is parsed.
/// </summary>
public static class SlackSignature
{
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string SignatureHeader = "X-Slack-Signature";

    /// <summary>How far the request timestamp may be from now, either way.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(300);

    private const string Version = "v0";

    /// <summary>
    /// The workspaces whose signing secret produced <paramref name="signature"/> (empty when none did, or when the
    /// headers are missing or stale). Usually one; several when workspaces share an app, so the caller picks the one
    /// the payload names.
    /// </summary>
    public static SlackSignatureResult Verify(
        IReadOnlyList<SlackWorkspaceOptions> workspaces,
        string? timestamp,
        string? signature,
        ReadOnlySpan<byte> body,
        DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return SlackSignatureResult.Fail("missing headers");
        }

        if (!timestamp.All(char.IsAsciiDigit)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SlackSignatureResult.Fail("bad timestamp");
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > (long)Window.TotalSeconds)
        {
            return SlackSignatureResult.Fail("stale timestamp");
        }

        if (!signature.StartsWith(Version + "=", StringComparison.Ordinal))
        {
            return SlackSignatureResult.Fail("unknown signature version");
        }

        var given = Encoding.ASCII.GetBytes(signature);
        var matched = new List<SlackWorkspaceOptions>();
        foreach (var workspace in workspaces)
        {
            // Every secret is tried, in constant time each, whether or not an earlier one matched.
            if (CryptographicOperations.FixedTimeEquals(given, Compute(workspace.SigningSecret, timestamp, body)))
            {
                matched.Add(workspace);
            }
        }

        return matched.Count == 0 ? SlackSignatureResult.Fail("signature mismatch") : new SlackSignatureResult(matched, null);
    }

    /// <summary>The <c>X-Slack-Signature</c> value for a body (ASCII bytes of <c>v0=</c> + lowercase hex).</summary>
    public static byte[] Compute(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(signingSecret));
        hmac.AppendData(Encoding.ASCII.GetBytes($"{Version}:{timestamp}:"));
        hmac.AppendData(body);
        return Encoding.ASCII.GetBytes(Version + "=" + Convert.ToHexStringLower(hmac.GetHashAndReset()));
    }
}
