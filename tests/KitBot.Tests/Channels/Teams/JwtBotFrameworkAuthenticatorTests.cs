using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KitBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace KitBot.Tests.Channels.Teams;

/// <summary>
/// Inbound Bot Framework authentication through the real host: tokens signed with keys from a local metadata
/// server, posted with a valid message to /api/messages. A refused request must leave no trace: no state, no
/// conversation reference, no reply.
/// </summary>
public sealed class JwtBotFrameworkAuthenticatorTests : IAsyncLifetime
{
    private const string AppId = "00000000-1111-2222-3333-444444444444";
    private const string Issuer = "https://api.botframework.com";
    private const string ServiceUrl = "https://smba.example.test/amer/";

    // Years away from the real clock: a token valid "now" here is only accepted if KitBot reads its TimeProvider.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2031, 3, 14, 9, 0, 0, TimeSpan.Zero));
    private readonly TestSigningKey _teamsKey = new("key-1", "msteams", "webchat");
    private OpenIdMetadataServer _keys = null!;
    private KitBotFactory _kitBot = null!;

    private DateTimeOffset Now => _time.GetUtcNow();

    public async Task InitializeAsync()
    {
        _keys = await OpenIdMetadataServer.StartAsync(Issuer, _teamsKey);
        _kitBot = new KitBotFactory()
            .WithSetting("Teams:AppId", AppId)
            .WithSetting("Teams:OpenIdMetadataUrl", _keys.MetadataUrl)
            .WithSetting("Teams:ValidIssuers:0", Issuer)
            .WithSetting("Teams:ClockSkew", "00:05:00")
            .WithSetting("Teams:TenantId", "tenant-1")
            .WithSetting("Teams:AppPassword", "test-secret")
            .WithServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(_time);
            });
    }

    public async Task DisposeAsync()
    {
        await _kitBot.DisposeAsync();
        await _keys.DisposeAsync();
        _teamsKey.Dispose();
    }

    [Fact]
    public async Task Message_WithValidToken_IsAcceptedAndAnswered()
    {
        var status = await PostMessageAsync(Token());

        Assert.Equal(HttpStatusCode.Accepted, status);
        var reply = Assert.Single(_kitBot.Connector.Sent);
        Assert.Equal(ServiceUrl, reply.Reference.ServiceUrl);
        Assert.Equal("a:conversation-1", reply.Reference.ConversationId);
        Assert.Equal(1, _kitBot.CountRows("conversation_state"));
    }

    [Fact]
    public async Task Message_WithExpiredToken_IsRefused() =>
        AssertRefused(await PostMessageAsync(Token(notBefore: Now.AddHours(-1), expires: Now.AddMinutes(-6))));

    [Fact]
    public async Task Message_WithTokenNotYetValid_IsRefused() =>
        AssertRefused(await PostMessageAsync(Token(notBefore: Now.AddMinutes(6), expires: Now.AddHours(1))));

    [Theory]
    [InlineData(-4)] // expired four minutes ago
    [InlineData(4)] // valid from four minutes from now
    public async Task Message_WithTokenWithinClockSkew_IsAccepted(int minutes)
    {
        var token = minutes < 0
            ? Token(notBefore: Now.AddHours(-1), expires: Now.AddMinutes(minutes))
            : Token(notBefore: Now.AddMinutes(minutes), expires: Now.AddHours(1));

        Assert.Equal(HttpStatusCode.Accepted, await PostMessageAsync(token));
        Assert.Single(_kitBot.Connector.Sent);
    }

    [Fact]
    public async Task Message_WithTokenForAnotherBot_IsRefused() =>
        AssertRefused(await PostMessageAsync(Token(audience: "99999999-8888-7777-6666-555555555555")));

    [Fact]
    public async Task Message_WithTokenFromAnotherIssuer_IsRefused() =>
        AssertRefused(await PostMessageAsync(Token(issuer: "https://sts.example.test/")));

    [Fact]
    public async Task Message_SignedWithKeyNotInKeySet_IsRefused()
    {
        using var stranger = new TestSigningKey("key-stranger", "msteams");

        AssertRefused(await PostMessageAsync(Token(key: stranger)));
    }

    [Fact]
    public async Task Message_SignedWithOtherKeyUnderPublishedKid_IsRefused()
    {
        using var forger = new TestSigningKey(_teamsKey.KeyId, "msteams");

        AssertRefused(await PostMessageAsync(Token(key: forger)));
    }

    [Fact]
    public async Task Message_WithUnsignedToken_IsRefused()
    {
        var header = Base64Url("""{"alg":"none","typ":"JWT"}""");
        var payload = Base64Url(
            $$"""{"iss":"{{Issuer}}","aud":"{{AppId}}","serviceurl":"{{ServiceUrl}}","nbf":{{Now.AddMinutes(-1).ToUnixTimeSeconds()}},"exp":{{Now.AddHours(1).ToUnixTimeSeconds()}}}""");

        AssertRefused(await PostMessageAsync($"{header}.{payload}."));
    }

    [Fact]
    public async Task Message_WhoseServiceUrlDiffersFromTheTokenClaim_IsRefused() =>
        AssertRefused(await PostMessageAsync(Token(serviceUrl: "https://smba.example.test/emea/")));

    [Fact]
    public async Task Message_WithTokenWithoutServiceUrlClaim_IsRefused() =>
        AssertRefused(await PostMessageAsync(Token(serviceUrl: null)));

    [Fact]
    public async Task Message_WithoutAuthorizationHeader_IsRefused() =>
        AssertRefused(await PostMessageAsync(authorization: null));

    [Theory]
    [InlineData("Basic dXNlcjpwYXNzd29yZA==")]
    [InlineData("Bearer")]
    [InlineData("Bearer not-a-jwt")]
    public async Task Message_WithMalformedAuthorizationHeader_IsRefused(string authorization) =>
        AssertRefused(await PostMessageAsync(authorization: authorization));

    [Fact]
    public async Task Message_SignedWithKeyNotEndorsedForTheChannel_IsRefused()
    {
        using var webChatOnly = new TestSigningKey("key-webchat", "webchat");
        _keys.Publish(_teamsKey, webChatOnly);

        AssertRefused(await PostMessageAsync(Token(key: webChatOnly)));
    }

    [Fact]
    public async Task Message_SignedWithKeyWithoutEndorsements_IsAccepted()
    {
        using var unendorsed = new TestSigningKey("key-plain", endorsements: null);
        _keys.Publish(unendorsed);

        Assert.Equal(HttpStatusCode.Accepted, await PostMessageAsync(Token(key: unendorsed)));
        Assert.Single(_kitBot.Connector.Sent);
    }

    [Theory]
    [InlineData("slack")]
    [InlineData("directline")]
    [InlineData("telegram")]
    [InlineData("MSTEAMS")]
    [InlineData("made-up-channel")]
    public async Task Message_SignedWithKeyWithoutEndorsements_ForAnyOtherChannel_IsRefused(string channelId)
    {
        using var unendorsed = new TestSigningKey("key-plain", endorsements: null);
        _keys.Publish(unendorsed);

        AssertRefused(await PostMessageAsync(Token(key: unendorsed), channelId));
    }

    [Fact]
    public async Task Message_SignedWithRotatedKey_IsAcceptedAfterKeysAreFetchedAgain()
    {
        Assert.Equal(HttpStatusCode.Accepted, await PostMessageAsync(Token()));
        Assert.Equal(1, _keys.KeySetFetches);

        using var rotated = new TestSigningKey("key-2", "msteams");
        _keys.Publish(rotated);

        Assert.Equal(HttpStatusCode.Accepted, await PostMessageAsync(Token(key: rotated)));
        Assert.Equal(2, _keys.KeySetFetches);
        Assert.Equal(2, _kitBot.Connector.Sent.Count);
    }

    [Fact]
    public async Task Message_WhenSigningKeysCannotBeFetched_IsRefused()
    {
        await _keys.DisposeAsync();

        AssertRefused(await PostMessageAsync(Token()));
    }

    private string Token(
        TestSigningKey? key = null,
        string issuer = Issuer,
        string audience = AppId,
        DateTimeOffset? notBefore = null,
        DateTimeOffset? expires = null,
        string? serviceUrl = ServiceUrl) =>
        (key ?? _teamsKey).CreateToken(issuer, audience, notBefore ?? Now.AddMinutes(-5), expires ?? Now.AddHours(1), serviceUrl);

    private Task<HttpStatusCode> PostMessageAsync(string token) => PostMessageAsync(authorization: "Bearer " + token);

    private async Task<HttpStatusCode> PostMessageAsync(string? authorization, string channelId = "msteams")
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = "activity-1",
            ["timestamp"] = Now.ToString("O"),
            ["serviceUrl"] = ServiceUrl,
            ["channelId"] = channelId,
            ["from"] = new JsonObject { ["id"] = "29:user-1", ["name"] = "Ada" },
            ["recipient"] = new JsonObject { ["id"] = "28:" + AppId, ["name"] = "KitBot" },
            ["conversation"] = new JsonObject { ["id"] = "a:conversation-1", ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
            ["text"] = "help",
        };

        using var client = _kitBot.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private void AssertRefused(HttpStatusCode status)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, status);

        // The dialog never ran: nothing stored, nothing said.
        Assert.Equal(0, _kitBot.CountRows("conversation_state"));
        Assert.Equal(0, _kitBot.CountRows("conversation_reference"));
        Assert.Empty(_kitBot.Connector.Sent);
    }

    private static string Base64Url(string json) => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(json);
}
