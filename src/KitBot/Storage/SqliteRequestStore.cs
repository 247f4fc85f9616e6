using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace KitBot.Storage;

/// <summary>The request tables in the embedded SQLite file.</summary>
public sealed class SqliteRequestStore : DbRequestStore
{
    private readonly string _connectionString;

    /// <param name="options">Where the file is.</param>
    /// <param name="conversations">
    /// The SQLite conversation store creates the file and applies every migration (the request tables too) when
    /// it is built; taking it here makes sure that has happened before the first request query.
    /// </param>
    public SqliteRequestStore(IOptions<StorageOptions> options, IConversationStore conversations)
    {
        ArgumentNullException.ThrowIfNull(conversations);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(options.Value.Sqlite.Path),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
