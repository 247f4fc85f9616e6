using Microsoft.Extensions.Options;
using Npgsql;

namespace KitBot.Storage;

/// <summary>
/// The PostgreSQL database KitBot's stores share: one pooled data source, schema migrated on start under an
/// advisory lock so several instances starting together migrate once.
/// </summary>
public sealed class PostgresDatabase : IDisposable
{
    // Any fixed number: it names KitBot's migration lock among the server's advisory locks.
    private const long MigrationLock = 0x4B6974426F74;

    // Attempts to reach the server on start: 1 + 2 + 4 + 8 + 15 + 15 + 15 seconds of waiting at most.
    private const int StartAttempts = 8;

    public PostgresDatabase(IOptions<StorageOptions> options)
    {
        var connectionString = options.Value.PostgreSql.ConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("Storage:Provider is PostgreSql but Storage:PostgreSql:ConnectionString is empty.");
        }

        DataSource = NpgsqlDataSource.Create(connectionString);
        MigrateWhenReachable();
    }

    public NpgsqlDataSource DataSource { get; }

    public void Dispose() => DataSource.Dispose();

    /// <summary>
    /// Migrates, retrying while the server is unreachable or starting (a container started beside its database,
    /// a failover): transient errors only, about a minute in all, then the host stops with the error.
    /// </summary>
    private void MigrateWhenReachable()
    {
        var wait = TimeSpan.FromSeconds(1);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Migrate();
                return;
            }
            catch (NpgsqlException e) when (e.IsTransient && attempt < StartAttempts)
            {
                // Start-up only: nothing is being served yet, so waiting here holds nobody up.
                Thread.Sleep(wait);
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, TimeSpan.FromSeconds(15).Ticks));
            }
        }
    }

    private void Migrate()
    {
        using var connection = DataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT pg_advisory_xact_lock({MigrationLock}); CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)";
        command.ExecuteNonQuery();
        command.CommandText = "SELECT coalesce(max(version), 0) FROM schema_version";
        var current = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        for (var i = current; i < PostgresSchema.Migrations.Count; i++)
        {
            command.CommandText = PostgresSchema.Migrations[i] + $"; INSERT INTO schema_version (version) VALUES ({i + 1})";
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
