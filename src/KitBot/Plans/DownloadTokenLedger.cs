using System.Data.Common;
using KitBot.Storage;

namespace KitBot.Plans;

/// <summary>
/// The download links already used (table <c>download_used</c>): the first download inserts the link's nonce, and
/// the database's primary key makes that atomic across requests and instances, so a link works exactly once.
/// Rows are dropped once their link has expired anyway.
/// </summary>
public sealed class DownloadTokenLedger(StorageConnections connections)
{
    // Created here rather than as a numbered migration: the table is only a cache of spent nonces that can be
    // rebuilt from nothing, and this keeps it out of the shared migration sequences.
    private const string Create = "CREATE TABLE IF NOT EXISTS download_used (nonce TEXT PRIMARY KEY, expires_at BIGINT NOT NULL)";

    private readonly SemaphoreSlim _created = new(1, 1);
    private volatile bool _exists;

    /// <summary>True for the first call with <paramref name="nonce"/>; false for every later one.</summary>
    public async Task<bool> TryConsumeAsync(string nonce, DateTimeOffset expires, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await EnsureTableAsync(connection, cancellationToken);
        await using (var purge = connection.CreateCommand())
        {
            purge.CommandText = "DELETE FROM download_used WHERE expires_at < @now";
            purge.Add("@now", now.ToUnixTimeMilliseconds());
            await purge.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO download_used (nonce, expires_at) VALUES (@nonce, @expires) ON CONFLICT (nonce) DO NOTHING";
        insert.Add("@nonce", nonce);
        insert.Add("@expires", expires.ToUnixTimeMilliseconds());
        return await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task EnsureTableAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (_exists)
        {
            return;
        }

        await _created.WaitAsync(cancellationToken);
        try
        {
            if (!_exists)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = Create;
                try
                {
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
                catch (DbException) when (connections.IsPostgres)
                {
                    // Another instance created it at the same moment (PostgreSQL can report that as a duplicate type).
                }

                _exists = true;
            }
        }
        finally
        {
            _created.Release();
        }
    }
}
