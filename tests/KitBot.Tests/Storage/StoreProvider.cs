using KitBot.Privacy;
using KitBot.Storage;
using KitBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KitBot.Tests.Storage;

/// <summary>
/// KitBot's stores on one provider, built as the host builds them, over a fresh database: a SQLite file, or a
/// new database on the shared throwaway PostgreSQL server.
/// </summary>
internal sealed class StoreProvider : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string? _sqliteFolder;

    private StoreProvider(ServiceProvider services, string? sqliteFolder, FakeTimeProvider clock)
    {
        _services = services;
        _sqliteFolder = sqliteFolder;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    public IConversationStore Conversations => _services.GetRequiredService<IConversationStore>();

    public IReviewStore Reviews => _services.GetRequiredService<IReviewStore>();

    public StorageConnections Connections => _services.GetRequiredService<StorageConnections>();

    public DataRetention Retention => _services.GetRequiredService<DataRetention>();

    public AuditLog Audit => _services.GetRequiredService<AuditLog>();

    /// <summary>The provider, or null (with the test passing over) when PostgreSQL is asked for and not installed.</summary>
    public static async Task<StoreProvider?> CreateAsync(string provider, PostgresServer postgres)
    {
        var options = new StorageOptions { Provider = provider };
        string? folder = null;
        if (provider == "PostgreSql")
        {
            if (postgres.SkipReason is not null)
            {
                return null;
            }

            options.PostgreSql.ConnectionString = await postgres.CreateDatabaseAsync("s" + Guid.NewGuid().ToString("N"));
        }
        else
        {
            folder = Directory.CreateTempSubdirectory("kitbot-store-").FullName;
            options.Sqlite.Path = Path.Combine(folder, "kitbot.db");
        }

        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 9, 1, 12, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection()
            .AddSingleton(Options.Create(options))
            .AddSingleton(Options.Create(new RetentionOptions()))
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>))
            .AddSingleton<PostgresDatabase>()
            .AddSingleton<StorageConnections>()
            .AddSingleton<AuditLog>()
            .AddSingleton<DataRetention>()
            .AddSingleton<IConversationStore>(sp => provider == "PostgreSql"
                ? ActivatorUtilities.CreateInstance<PostgresConversationStore>(sp)
                : ActivatorUtilities.CreateInstance<SqliteConversationStore>(sp))
            .AddSingleton<IReviewStore, DbReviewStore>()
            .BuildServiceProvider();
        return new StoreProvider(services, folder, clock);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_sqliteFolder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_sqliteFolder, recursive: true);
        }
    }
}
