using System.Runtime.CompilerServices;
using KitBot.Conversations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace KitBot.Storage;

/// <summary>The embedded store: one SQLite file, created with its schema on start.</summary>
public sealed class SqliteConversationStore : IConversationStore, IDisposable
{
    // The SQLite handles (pooled physical connections) whose per-connection pragmas are set; an entry goes with its handle.
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = new();
    private static readonly object ConfiguredMark = new();

    private const string LoadStateSql = "SELECT json, version FROM conversation_state WHERE key = $key";

    private const string InsertStateSql = """
        INSERT INTO conversation_state (key, json, version, updated_at) VALUES ($key, $json, 1, $now)
        ON CONFLICT (key) DO NOTHING
        """;

    private const string UpdateStateSql = """
        UPDATE conversation_state SET json = $json, version = version + 1, updated_at = $now
        WHERE key = $key AND version = $expected
        """;

    private const string SaveReferenceSql = """
        INSERT INTO conversation_reference
            (key, channel, conversation_id, service_url, user_id, bot_id, tenant_id, is_group, unreachable, updated_at)
        VALUES ($key, $channel, $conversation, $serviceUrl, $user, $bot, $tenant, $group, 0, $now)
        ON CONFLICT (key) DO UPDATE SET
            service_url = excluded.service_url, user_id = excluded.user_id, bot_id = excluded.bot_id,
            tenant_id = excluded.tenant_id, is_group = excluded.is_group, unreachable = 0,
            updated_at = excluded.updated_at
        """;

    private const string GetReferenceSql = """
        SELECT key, channel, conversation_id, service_url, user_id, bot_id, tenant_id, is_group, unreachable
        FROM conversation_reference WHERE key = $key
        """;

    private const string MarkUnreachableSql = "UPDATE conversation_reference SET unreachable = 1, updated_at = $now WHERE key = $key";

    private readonly string _connectionString;
    private readonly SqliteSessions _sessions;

    public SqliteConversationStore(IOptions<StorageOptions> options)
    {
        _connectionString = ConnectionString(options.Value);
        Migrate(_connectionString);
        _sessions = new SqliteSessions(OpenAsync);
    }

    /// <summary>Closes the connections kept open with their prepared statements.</summary>
    public void Dispose() => _sessions.Dispose();

    /// <summary>The connection string for the configured file (its folder is created).</summary>
    internal static string ConnectionString(StorageOptions options)
    {
        var path = Path.GetFullPath(options.Sqlite.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public async Task<VersionedState> LoadStateAsync(string key, CancellationToken cancellationToken)
    {
        using var session = await _sessions.RentAsync(cancellationToken);
        var command = session.Command(LoadStateSql, ("$key", key));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var state = await reader.ReadAsync(cancellationToken)
            ? new VersionedState(reader.GetString(0), reader.GetInt64(1))
            : new VersionedState(null, 0);
        session.Done();
        return state;
    }

    public async Task<bool> TrySaveStateAsync(string key, string json, long expectedVersion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var gate = await WriteGate.EnterAsync(_connectionString, cancellationToken);
        using var session = await _sessions.RentAsync(cancellationToken);
        // One statement, so the version check and the write are atomic: a new row only if none exists,
        // an update only if the version is the one this turn read.
        var command = expectedVersion == 0
            ? session.Command(InsertStateSql, ("$key", key), ("$json", json), ("$now", now.UtcDateTime.ToString("O")))
            : session.Command(UpdateStateSql, ("$key", key), ("$json", json), ("$expected", expectedVersion), ("$now", now.UtcDateTime.ToString("O")));
        var saved = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        session.Done();
        return saved;
    }

    public async Task SaveReferenceAsync(ConversationReference reference, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var gate = await WriteGate.EnterAsync(_connectionString, cancellationToken);
        using var session = await _sessions.RentAsync(cancellationToken);
        var command = session.Command(
            SaveReferenceSql,
            ("$key", reference.Key),
            ("$channel", reference.Channel),
            ("$conversation", reference.ConversationId),
            ("$serviceUrl", reference.ServiceUrl),
            ("$user", reference.UserId),
            ("$bot", reference.BotId),
            ("$tenant", reference.TenantId),
            ("$group", reference.IsGroup ? 1 : 0),
            ("$now", now.UtcDateTime.ToString("O")));
        await command.ExecuteNonQueryAsync(cancellationToken);
        session.Done();
    }

    public async Task<ConversationReference?> GetReferenceAsync(string key, CancellationToken cancellationToken)
    {
        using var session = await _sessions.RentAsync(cancellationToken);
        var command = session.Command(GetReferenceSql, ("$key", key));
        ConversationReference? found = null;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                found = new ConversationReference(
                    reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6),
                    reader.GetInt64(7) == 1,
                    reader.GetInt64(8) == 1);
            }
        }

        session.Done();
        return found;
    }

    public async Task MarkUnreachableAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var gate = await WriteGate.EnterAsync(_connectionString, cancellationToken);
        using var session = await _sessions.RentAsync(cancellationToken);
        var command = session.Command(MarkUnreachableSql, ("$key", key), ("$now", now.UtcDateTime.ToString("O")));
        await command.ExecuteNonQueryAsync(cancellationToken);
        session.Done();
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM schema_version";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)) > 0;
    }

    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        Configure(connection);
        return connection;
    }

    /// <summary>
    /// Sets KitBot's per-connection settings on an open connection, once per SQLite handle: in WAL mode, NORMAL syncs
    /// at checkpoints rather than on every commit (the database stays consistent; a power cut may lose the last
    /// turns), and SQLite itself waits for a busy writer. A pooled connection keeps both, so they are set once per
    /// handle, not on each of a turn's opens. Every SQLite connection KitBot opens goes through here: a connection
    /// left at SQLite's default (FULL) syncs the file on each of its commits, which showed as a fifth of the turns'
    /// kernel time (the audit log's writes). Each connection's page cache is kept to 256 KB (SQLite's default is
    /// 2 MB): a pooled connection per running turn, each filling its own cache with the same pages the operating
    /// system already caches for the file, cost 4-8 MB at a burst's peak for no measurable speed.
    /// </summary>
    internal static void Configure(SqliteConnection connection)
    {
        var handle = connection.Handle!;
        if (!Configured.TryGetValue(handle, out _))
        {
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA cache_size = -256;";
            pragmas.ExecuteNonQuery();
            Configured.AddOrUpdate(handle, ConfiguredMark);
        }
    }

    /// <summary>Creates the file's schema or brings it up to date; cheap when it already is.</summary>
    internal static void Migrate(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        // WAL lets readers run beside the one writer; busy_timeout makes writers wait instead of failing.
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            PRAGMA busy_timeout = 5000;
            CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
            """;
        command.ExecuteNonQuery();

        while (true)
        {
            // The version is read inside the (immediate, write-locking) transaction, so two openers of one file
            // never apply the same migration twice.
            using var transaction = connection.BeginTransaction(deferred: false);
            command.Transaction = transaction;
            command.CommandText = "SELECT coalesce(max(version), 0) FROM schema_version";
            var current = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            if (current >= SqliteSchema.Migrations.Count)
            {
                return;
            }

            command.CommandText = SqliteSchema.Migrations[current] + $"; INSERT INTO schema_version (version) VALUES ({current + 1});";
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }
}
