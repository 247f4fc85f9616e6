using KitBot.Conversations;
using KitBot.Reminders;
using KitBot.Storage;
using KitBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KitBot.Tests.Support;

/// <summary>
/// The real KitBot host on a free loopback port with its own SQLite file (or PostgreSQL), optionally on a fake
/// clock. Hangfire's server is off unless asked for, so fake-clock tests drive delivery themselves.
/// </summary>
public sealed class ReminderHost : IAsyncDisposable
{
    private readonly KitBotServer _server;

    private ReminderHost(KitBotServer server) => _server = server;

    public string Url => _server.Url;

    public string DataFolder => _server.DataFolder;

    public IServiceProvider Services => _server.Services;

    public T Get<T>() where T : notnull => _server.Get<T>();

    public ReminderDelivery Delivery => Get<ReminderDelivery>();

    public IReviewStore Reviews => Get<IReviewStore>();

    public static async Task<ReminderHost> StartAsync(
        FakeTimeProvider? clock = null, string? dataFolder = null, bool hangfireServer = false, params string[] settings)
    {
        string[] reminderSettings =
        [
            $"Reminders:Hangfire:Server={hangfireServer}",
            "Reminders:Hangfire:SchedulePollingInterval=00:00:01",
            // Generous buckets: pacing has its own tests; here it must not make a fake clock wait.
            "Reminders:Pacing:GlobalBurst=5000",
            "Reminders:Pacing:GlobalPerSecond=5000",
            "Reminders:Pacing:PerConversationBurst=7",
            // One connector attempt per send: these tests are about the reminder's own retries, and the connector's
            // in-call backoff waits on the fake clock, which only the test moves.
            "Teams:Connector:MaxAttempts=1",
            .. settings,
        ];

        var server = await KitBotServer.StartAsync(
            dataFolder,
            port: null,
            configure: clock is null ? null : services => services.AddSingleton<TimeProvider>(clock),
            reminderSettings);
        return new ReminderHost(server);
    }

    /// <summary>Stores a personal-chat reference pointing at <paramref name="connector"/>; returns its key.</summary>
    public async Task<ConversationReference> AddConversationAsync(FakeConnector connector, string conversationId, string userId = "user-1", bool isGroup = false)
    {
        var reference = new ConversationReference(
            ConversationReference.KeyFor("msteams", conversationId), "msteams", conversationId, connector.ServiceUrl, userId, "bot-1", "tenant-1", isGroup);
        await Get<IConversationStore>().SaveReferenceAsync(reference, Get<TimeProvider>().GetUtcNow(), CancellationToken.None);
        return reference;
    }

    public static int FreePort() => KitBotServer.FreePort();

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
