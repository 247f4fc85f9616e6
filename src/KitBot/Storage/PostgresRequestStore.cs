using System.Data.Common;

namespace KitBot.Storage;

/// <summary>The request tables in PostgreSQL, shared by every KitBot instance.</summary>
public sealed class PostgresRequestStore(PostgresDatabase database) : DbRequestStore
{
    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await database.DataSource.OpenConnectionAsync(cancellationToken);
}
