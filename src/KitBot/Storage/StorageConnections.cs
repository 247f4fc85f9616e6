using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace KitBot.Storage;

/// <summary>
/// Opens connections to the configured database (SQLite file or PostgreSQL) with its schema up to date, for
/// the stores that need plain SQL beside the conversation store: Data Protection keys, audit, retention.
/// </summary>
public sealed class StorageConnections
{
    private readonly Lazy<string> _sqlite;
    private readonly Lazy<PostgresDatabase> _postgres;

    public StorageConnections(IOptions<StorageOptions> options, IServiceProvider services)
    {
        IsPostgres = options.Value.Provider == "PostgreSql";
        // Lazy, and migrated here rather than through IConversationStore: the encrypting store needs the keys
        // these connections read, so depending on it would be a cycle.
        _sqlite = new(() =>
        {
            var connectionString = SqliteConversationStore.ConnectionString(options.Value);
            SqliteConversationStore.Migrate(connectionString);
            return connectionString;
        });
        _postgres = new(services.GetRequiredService<PostgresDatabase>);
    }

    /// <summary>True when KitBot's data lives in PostgreSQL.</summary>
    public bool IsPostgres { get; }

    public DbConnection Open()
    {
        if (IsPostgres)
        {
            return OpenPostgres();
        }

        var connection = new SqliteConnection(_sqlite.Value);
        connection.Open();
        SqliteConversationStore.Configure(connection);
        return connection;
    }

    /// <summary>
    /// Holds this process's writer slot on the SQLite file until disposed (null for PostgreSQL, which has no such
    /// limit). SQLite allows one writer: a writer that finds the file locked polls with sleeps of up to 100 ms (its busy
    /// handler), which showed as 100-400 ms stalls in the Slack acknowledgement; waiting in process is woken at once.
    /// Never held across another write of the same process (the slot is not re-entrant).
    /// </summary>
    public async Task<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken) =>
        IsPostgres ? null : await WriteGate.EnterAsync(_sqlite.Value, cancellationToken);

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (IsPostgres)
        {
            return await OpenPostgresAsync(cancellationToken);
        }

        var connection = new SqliteConnection(_sqlite.Value);
        await connection.OpenAsync(cancellationToken);
        SqliteConversationStore.Configure(connection);
        return connection;
    }

    // The PostgreSQL opens are methods of their own so that a host on SQLite never loads Npgsql: the runtime loads
    // the assemblies a method names when it compiles the method.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private DbConnection OpenPostgres() => _postgres.Value.DataSource.OpenConnection();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private async Task<DbConnection> OpenPostgresAsync(CancellationToken cancellationToken) =>
        await _postgres.Value.DataSource.OpenConnectionAsync(cancellationToken);
}
