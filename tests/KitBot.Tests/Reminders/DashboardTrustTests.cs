using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using KitBot.Tests.Support;

namespace KitBot.Tests.Reminders;

/// <summary>
/// The dashboard over real sockets, from loopback: any header a proxy adds makes the request remote, a proxy on the
/// same machine can be shut out (AllowLocal=false), and a POST without the anti-forgery token changes nothing.
/// </summary>
public sealed partial class DashboardTrustTests
{
    public static TheoryData<string, string> ProxyHeaders() => new()
    {
        { "X-Forwarded-For", "203.0.113.7" },
        { "X-Forwarded-Host", "kitbot.example.org" },
        { "X-Forwarded-Proto", "https" },
        { "X-Forwarded-Port", "443" },
        { "X-Forwarded-Server", "proxy" },
        { "X-Forwarded", "for=203.0.113.7" },
        { "Forwarded", "for=203.0.113.7;proto=https" },
        { "Forwarded-For", "203.0.113.7" },
        { "X-Real-IP", "203.0.113.7" },
        { "True-Client-IP", "203.0.113.7" },
        { "X-Client-IP", "203.0.113.7" },
        { "Client-IP", "203.0.113.7" },
        { "CF-Connecting-IP", "203.0.113.7" },
        { "X-Cluster-Client-IP", "203.0.113.7" },
        { "X-Original-Forwarded-For", "203.0.113.7" },
        { "X-Original-For", "203.0.113.7" },
        { "X-Original-Host", "kitbot.example.org" },
        { "X-Original-URL", "/hangfire" },
        { "Fastly-Client-IP", "203.0.113.7" },
        { "X-ProxyUser-Ip", "203.0.113.7" },
        { "X-Envoy-External-Address", "203.0.113.7" },
        { "X-Azure-ClientIP", "203.0.113.7" },
        { "X-ARR-ClientIP", "203.0.113.7" },
        { "Via", "1.1 proxy" },
        { "x-forwarded-for", "127.0.0.1" },
    };

    [Theory]
    [MemberData(nameof(ProxyHeaders))]
    public async Task LoopbackRequestWithAnyClientAddressHeader_IsRefused(string header, string value)
    {
        await using var host = await ReminderHost.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, host.Url + "/hangfire");
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("KitBot reminders", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WithAllowLocalOff_EvenAPlainLoopbackRequestIsRefused()
    {
        await using var host = await ReminderHost.StartAsync(settings: ["Reminders:Dashboard:AllowLocal=false"]);
        using var http = new HttpClient();

        using var response = await http.GetAsync(host.Url + "/hangfire");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ForwardedHeadersFromAnUnknownProxy_DoNotChangeTheClientAddress()
    {
        // Loopback is not a known proxy unless configured, so X-Forwarded-For: 127.0.0.1 from 127.0.0.2 stays remote.
        await using var host = await ReminderHost.StartAsync();
        using var http = Client(IPAddress.Parse("127.0.0.2"));
        using var request = new HttpRequestMessage(HttpMethod.Get, host.Url + "/hangfire");
        request.Headers.Add("X-Forwarded-For", "127.0.0.1");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task DashboardPostWithoutTheAntiforgeryToken_IsRefused_AndWithItIsAccepted()
    {
        await using var host = await ReminderHost.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer() });
        var form = () => new FormUrlEncodedContent([new("jobs[]", "kitbot-retention")]);

        // A cross-site form post: no token, no cookie.
        using (var forged = await new HttpClient().PostAsync(host.Url + "/hangfire/recurring/trigger", form()))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        }

        // The dashboard's own page carries the token and sets its cookie.
        using var page = await http.GetAsync(host.Url + "/hangfire/recurring");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var token = TokenAttribute().Match(html);
        Assert.True(token.Success, "no anti-forgery token on the dashboard page");

        // Cookie without the header: still refused.
        using (var cookieOnly = await http.PostAsync(host.Url + "/hangfire/recurring/trigger", form()))
        {
            Assert.Equal(HttpStatusCode.Forbidden, cookieOnly.StatusCode);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, host.Url + "/hangfire/recurring/trigger") { Content = form() };
        request.Headers.Add("X-KitBot-Dashboard-Token", WebUtility.HtmlDecode(token.Groups[1].Value));
        using var genuine = await http.SendAsync(request);
        Assert.NotEqual(HttpStatusCode.Forbidden, genuine.StatusCode);
        Assert.True(genuine.IsSuccessStatusCode, $"genuine dashboard post got {(int)genuine.StatusCode}");
    }

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex TokenAttribute();

    private static HttpClient Client(IPAddress source) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    });
}
