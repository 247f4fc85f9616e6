using System.Data.Common;

namespace KitBot.Storage;

/// <summary>The reviews table in PostgreSQL, shared by every KitBot instance.</summary>
public sealed class PostgresReviewStore(PostgresDatabase database) : DbReviewStore
{
    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await database.DataSource.OpenConnectionAsync(cancellationToken);
}
