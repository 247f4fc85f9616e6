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

    public PostgresDatabase(IOptions<StorageOptions> options)
    {
        var connectionString = options.Value.PostgreSql.ConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("Storage:Provider is PostgreSql but Storage:PostgreSql:ConnectionString is empty.");
        }

        DataSource = NpgsqlDataSource.Create(connectionString);
        Migrate();
    }

    public NpgsqlDataSource DataSource { get; }

    public void Dispose() => DataSource.Dispose();

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
