using System.Text;
using System.Text.Json.Nodes;
using KitBot.Channels.Slack;
using KitBot.Testing;
using KitBot.Tests.Channels.Slack.Support;

namespace KitBot.Tests.Channels.Slack;

/// <summary>KitBot's signature check against the reference, npm @slack/bolt's verifySlackRequest, on the same table of cases.</summary>
public sealed class SlackSignatureTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const long Now = 1_700_000_000;

    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        "token=xyz&team_id=T0001&command=%2Fkit&text=help+me+%C3%A9t%C3%A9&user_id=U1&channel_id=D1&emoji=%F0%9F%91%8B");

    private sealed record Case(string Name, byte[] Body, string? Timestamp, string? Signature, bool Valid, bool? BoltValid = null)
    {
        /// <summary>What bolt answers, when it differs from what KitBot must answer.</summary>
        public bool ExpectedBolt => BoltValid ?? Valid;
    }

    private static string Sign(string secret, long timestamp, byte[] body) => SlackRequests.Signature(secret, timestamp, body);

    private static List<Case> Cases()
    {
        var changed = (byte[])Body.Clone();
        changed[10] ^= 0x01;
        var valid = Sign(Secret, Now, Body);
        return
        [
            new("valid", Body, Now.ToString(), valid, Valid: true),
            new("valid, 300 s old (the edge of the window)", Body, (Now - 300).ToString(), Sign(Secret, Now - 300, Body), Valid: true),
            new("wrong secret", Body, Now.ToString(), Sign("another-apps-secret", Now, Body), Valid: false),
            new("body changed by one byte", changed, Now.ToString(), valid, Valid: false),
            new("timestamp 301 s in the past", Body, (Now - 301).ToString(), Sign(Secret, Now - 301, Body), Valid: false),
            // bolt-js only refuses stale timestamps; Slack's guidance (PROTOCOLS.md) is more than 300 s either way, which KitBot follows.
            new("timestamp 301 s in the future", Body, (Now + 301).ToString(), Sign(Secret, Now + 301, Body), Valid: false, BoltValid: true),
            new("missing signature header", Body, Now.ToString(), null, Valid: false),
            new("missing timestamp header", Body, null, valid, Valid: false),
            new("missing both headers", Body, null, null, Valid: false),
            new("v1= prefix", Body, Now.ToString(), "v1=" + valid[3..], Valid: false),
            new("upper-case hex", Body, Now.ToString(), "v0=" + valid[3..].ToUpperInvariant(), Valid: false),
            new("signature of an empty body", Body, Now.ToString(), Sign(Secret, Now, []), Valid: false),
        ];
    }

    [SkippableFact]
    public async Task Verify_AgreesWithBoltOnEveryCase()
    {
        await NodeTools.RequireAsync();

        var cases = Cases();
        var input = new JsonArray(cases.Select(c =>
        {
            var headers = new JsonObject();
            if (c.Signature is not null) headers["x-slack-signature"] = c.Signature;
            if (c.Timestamp is not null) headers["x-slack-request-timestamp"] = c.Timestamp;
            return (JsonNode)new JsonObject
            {
                ["signingSecret"] = Secret,
                ["body"] = Encoding.UTF8.GetString(c.Body),
                ["headers"] = headers,
                ["nowMilliseconds"] = Now * 1000,
            };
        }).ToArray());

        var (code, output) = await NodeTools.NodeAsync("verify-slack.js", input.ToJsonString(), TimeSpan.FromMinutes(1));
        Assert.True(code == 0, output);
        var bolt = JsonNode.Parse(output)!.AsArray();

        var workspaces = new[] { new SlackWorkspaceOptions { TeamId = "T0001", BotToken = "xoxb-1", SigningSecret = Secret } };
        var disagreements = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            var kitbot = SlackSignature.Verify(workspaces, c.Timestamp, c.Signature, c.Body, DateTimeOffset.FromUnixTimeSeconds(Now));
            var boltValid = bolt[i]!["valid"]!.GetValue<bool>();
            if (kitbot.IsValid != c.Valid) disagreements.Add($"{c.Name}: KitBot said {kitbot.IsValid} ({kitbot.Failure})");
            if (boltValid != c.ExpectedBolt) disagreements.Add($"{c.Name}: bolt said {boltValid} ({bolt[i]!["error"]})");
        }

        Assert.Empty(disagreements);
        // The one documented difference: KitBot is stricter than bolt-js about timestamps from the future.
        Assert.Single(cases, c => c.ExpectedBolt != c.Valid);
    }

    [SkippableFact]
    public void Verify_TriesEveryConfiguredWorkspace_AndReportsWhichSigned()
    {
        var workspaces = new[]
        {
            new SlackWorkspaceOptions { TeamId = "TONE", BotToken = "xoxb-1", SigningSecret = "secret-number-one" },
            new SlackWorkspaceOptions { TeamId = "TTWO", BotToken = "xoxb-2", SigningSecret = "secret-number-two" },
        };

        var result = SlackSignature.Verify(workspaces, Now.ToString(), Sign("secret-number-two", Now, Body), Body, DateTimeOffset.FromUnixTimeSeconds(Now));

        Assert.True(result.IsValid);
        Assert.Equal("TTWO", Assert.Single(result.Workspaces).TeamId);
        Assert.NotNull(result.For("TTWO"));
        Assert.Null(result.For("TONE"));
    }
}
