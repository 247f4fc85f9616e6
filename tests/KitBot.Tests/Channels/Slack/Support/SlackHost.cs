using System.Net;
using System.Net.Sockets;
using KitBot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace KitBot.Tests.Channels.Slack.Support;

/// <summary>
/// The real KitBot host (what <c>dotnet run</c> starts) on a free loopback port with its own SQLite file, Slack enabled
/// and pointed at a <see cref="FakeSlackApi"/>. The pattern of tests/KitBot.EndToEnd/Support/KitBotServer.cs.
/// </summary>
public sealed class SlackHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SlackHost(WebApplication app, string url)
    {
        _app = app;
        Url = url;
        Client = new HttpClient { BaseAddress = new Uri(url) };
    }

    public string Url { get; }

    /// <summary>A client for the host, as Slack would call it.</summary>
    public HttpClient Client { get; }

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public static async Task<SlackHost> StartAsync(FakeSlackApi api, params string[] settings)
    {
        var data = Directory.CreateTempSubdirectory("kitbot-slack-").FullName;
        var url = $"http://127.0.0.1:{FreePort()}";
        string[] args =
        [
            $"--urls={url}",
            $"--Storage:Sqlite:Path={Path.Combine(data, "kitbot.db")}",
            "--Logging:LogLevel:Default=Warning",
            .. SlackRequests.Settings(api).Concat(settings).Select(s => "--" + s),
        ];

        var builder = KitBotHost.CreateBuilder(args);
        builder.AddKitBot();
        var app = builder.Build();
        app.MapKitBot();
        await app.StartAsync();
        return new SlackHost(app, url);
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => Client.SendAsync(request);

    /// <summary>
    /// Waits, without sleeping, until <paramref name="condition"/> holds, checking again each time this host's Slack
    /// workers finish a request (they signal the queue); fails at the deadline.
    /// </summary>
    public async Task WaitForWorkAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var queue = Get<KitBot.Channels.Slack.SlackWorkQueue>();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var signal = queue.Signal;
            if (condition())
            {
                return;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Timed out waiting for Slack work: {what}.");
            }

            try
            {
                await signal.WaitAsync(left);
            }
            catch (TimeoutException)
            {
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
