using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using KitBot.Tests.Support;
using Microsoft.Extensions.Options;

namespace KitBot.Tests.Reminders;

/// <summary>
/// The Hangfire dashboard over real sockets. A client bound to 127.0.0.2 stands in for another machine: only
/// the loopback address itself and the server's own address count as local, as in Hangfire's local-only filter.
/// </summary>
public sealed class ReminderDashboardTests
{
    private const string Password = "correct horse battery staple, long and random";

    [Fact]
    public async Task LocalRequest_OpensTheDashboard()
    {
        await using var host = await ReminderHost.StartAsync();
        using var http = Client(IPAddress.Loopback);

        var response = await http.GetAsync(host.Url + "/hangfire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("KitBot reminders", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RemoteAnonymousRequest_IsRefused()
    {
        await using var host = await ReminderHost.StartAsync();
        using var http = Client(IPAddress.Parse("127.0.0.2"));

        var response = await http.GetAsync(host.Url + "/hangfire");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("KitBot reminders", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task LocalRequestThroughAProxy_IsRefused()
    {
        await using var host = await ReminderHost.StartAsync();
        using var http = Client(IPAddress.Loopback);
        using var request = new HttpRequestMessage(HttpMethod.Get, host.Url + "/hangfire/jobs/enqueued");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RemoteAccessConfigured_NeedsTheRightCredentials()
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Password)));
        await using var host = await ReminderHost.StartAsync(settings:
            ["Reminders:Dashboard:AllowRemote=true", "Reminders:Dashboard:Username=admin", $"Reminders:Dashboard:PasswordSha256={hash}"]);
        using var http = Client(IPAddress.Parse("127.0.0.2"));

        var anonymous = await http.GetAsync(host.Url + "/hangfire");
        var wrong = await GetAsync(http, host.Url + "/hangfire", "admin", "guess");
        var right = await GetAsync(http, host.Url + "/hangfire", "admin", Password);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("Basic", anonymous.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task RemoteAccessWithoutCredentials_StopsTheHostAtStart()
    {
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            ReminderHost.StartAsync(settings: ["Reminders:Dashboard:AllowRemote=true"]));

        Assert.Contains("Reminders:Dashboard:AllowRemote", e.Message);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient http, string url, string user, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return await http.SendAsync(request);
    }

    /// <summary>An HTTP client whose connections come from <paramref name="source"/>.</summary>
    private static HttpClient Client(IPAddress source) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint.Host == "localhost" ? new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port) : new IPEndPoint(IPAddress.Parse(context.DnsEndPoint.Host), context.DnsEndPoint.Port), cancellationToken);
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
