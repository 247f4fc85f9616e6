using System.Net;
using System.Net.Sockets;
using KitBot.Conversations;
using KitBot.Hosting;
using KitBot.Reminders;
using KitBot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KitBot.Tests.Support;

/// <summary>
/// The real KitBot host on a free loopback port with its own SQLite file (or PostgreSQL), optionally on a fake
/// clock. Hangfire's server is off unless asked for, so fake-clock tests drive delivery themselves.
/// </summary>
public sealed class ReminderHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ReminderHost(WebApplication app, string url, string dataFolder)
    {
        _app = app;
        Url = url;
        DataFolder = dataFolder;
    }

    public string Url { get; }

    public string DataFolder { get; }

    public IServiceProvider Services => _app.Services;

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public ReminderDelivery Delivery => Get<ReminderDelivery>();

    public IReviewStore Reviews => Get<IReviewStore>();

    public static async Task<ReminderHost> StartAsync(
        FakeTimeProvider? clock = null, string? dataFolder = null, bool hangfireServer = false, params string[] settings)
    {
        dataFolder ??= Directory.CreateTempSubdirectory("kitbot-reminders-").FullName;
        var url = $"http://127.0.0.1:{FreePort()}";
        string[] args =
        [
            $"--urls={url}",
            $"--Storage:Sqlite:Path={Path.Combine(dataFolder, "kitbot.db")}",
            "--Logging:LogLevel:Default=Warning",
            $"--Reminders:Hangfire:Server={hangfireServer}",
            "--Reminders:Hangfire:SchedulePollingInterval=00:00:01",
            // Generous buckets: pacing has its own tests; here it must not make a fake clock wait.
            "--Reminders:Pacing:GlobalBurst=5000",
            "--Reminders:Pacing:GlobalPerSecond=5000",
            "--Reminders:Pacing:PerConversationBurst=7",
            // One connector attempt per send: these tests are about the reminder's own retries, and the connector's
            // in-call backoff waits on the fake clock, which only the test moves.
            "--Teams:Connector:MaxAttempts=1",
            .. settings.Select(s => "--" + s),
        ];

        var builder = KitBotHost.CreateBuilder(args);
        builder.AddKitBot();
        if (clock is not null)
        {
            builder.Services.AddSingleton<TimeProvider>(clock);
        }

        var app = builder.Build();
        app.MapKitBot();
        await app.StartAsync();
        return new ReminderHost(app, url, dataFolder);
    }

    /// <summary>Stores a personal-chat reference pointing at <paramref name="connector"/>; returns its key.</summary>
    public async Task<ConversationReference> AddConversationAsync(FakeConnector connector, string conversationId, string userId = "user-1", bool isGroup = false)
    {
        var reference = new ConversationReference(
            ConversationReference.KeyFor("msteams", conversationId), "msteams", conversationId, connector.ServiceUrl, userId, "bot-1", "tenant-1", isGroup);
        await Get<IConversationStore>().SaveReferenceAsync(reference, Get<TimeProvider>().GetUtcNow(), CancellationToken.None);
        return reference;
    }

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
