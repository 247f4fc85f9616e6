using System.Net;
using System.Net.Sockets;
using KitBot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace KitBot.Testing;

/// <summary>
/// The real KitBot host, on a free loopback port with its own SQLite file: what <c>dotnet run</c> starts,
/// in-process so a test can also reach its services (for example to send a proactive message).
/// </summary>
public sealed class KitBotServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KitBotServer(WebApplication app, string url, string dataFolder)
    {
        _app = app;
        Url = url;
        DataFolder = dataFolder;
    }

    /// <summary>The host's base URL, for example http://127.0.0.1:41234.</summary>
    public string Url { get; }

    /// <summary>The bot endpoint.</summary>
    public string MessagesUrl => Url + "/api/messages";

    /// <summary>The folder holding this host's SQLite file; reuse it to simulate a restart.</summary>
    public string DataFolder { get; }

    public IServiceProvider Services => _app.Services;

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>Starts a host; pass <paramref name="dataFolder"/> to start on an earlier host's data.</summary>
    public static Task<KitBotServer> StartAsync(string? dataFolder = null, int? port = null, params string[] settings) =>
        StartAsync(dataFolder, port, configure: null, settings);

    /// <summary>Starts a host whose services <paramref name="configure"/> may change (for example a fake clock).</summary>
    public static async Task<KitBotServer> StartAsync(string? dataFolder, int? port, Action<IServiceCollection>? configure, params string[] settings)
    {
        dataFolder ??= Directory.CreateTempSubdirectory("kitbot-e2e-").FullName;
        var url = $"http://127.0.0.1:{port ?? FreePort()}";
        string[] args =
        [
            $"--urls={url}",
            $"--Storage:Sqlite:Path={Path.Combine(dataFolder, "kitbot.db")}",
            "--Logging:LogLevel:Default=Warning",
            .. settings.Select(s => "--" + s),
        ];

        var builder = KitBotHost.CreateBuilder(args);
        builder.AddKitBot();
        configure?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapKitBot();
        await app.StartAsync();
        return new KitBotServer(app, url, dataFolder);
    }

    /// <summary>A port nothing is listening on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
