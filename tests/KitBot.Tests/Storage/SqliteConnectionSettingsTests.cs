using KitBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KitBot.Tests.Storage;

/// <summary>
/// Every connection the SQLite store hands out has its per-connection settings (synchronous NORMAL, busy_timeout 5 s),
/// whether it is new or comes back from the pool, where they are set only once per SQLite handle.
/// </summary>
public sealed class SqliteConnectionSettingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kitbot-sqlite-settings-").FullName;

    [Fact]
    public async Task New_and_pooled_connections_both_have_the_settings()
    {
        var store = new SqliteConversationStore(Options.Create(new StorageOptions { Sqlite = { Path = Path.Combine(_folder, "kitbot.db") } }));

        // Two at once: two physical connections; then both again from the pool.
        for (var round = 0; round < 2; round++)
        {
            await using var first = await store.OpenAsync(default);
            await using var second = await store.OpenAsync(default);
            foreach (var connection in new[] { first, second })
            {
                Assert.Equal(1L, await ScalarAsync(connection, "PRAGMA synchronous"));
                Assert.Equal(5000L, await ScalarAsync(connection, "PRAGMA busy_timeout"));
            }
        }

        // After the pool is emptied the next connection is a new handle and is set up again.
        SqliteConnection.ClearAllPools();
        await using var fresh = await store.OpenAsync(default);
        Assert.Equal(1L, await ScalarAsync(fresh, "PRAGMA synchronous"));
        Assert.Equal(5000L, await ScalarAsync(fresh, "PRAGMA busy_timeout"));
    }

    [Fact]
    public async Task Connections_for_the_other_stores_have_the_settings_too()
    {
        // The audit log, reviews, requests and keys open their connections here: left at SQLite's default they would
        // sync the file on every commit.
        var options = Options.Create(new StorageOptions { Sqlite = { Path = Path.Combine(_folder, "kitbot.db") } });
        var connections = new StorageConnections(options, new ServiceCollection().BuildServiceProvider());

        await using (var opened = (SqliteConnection)await connections.OpenAsync(default))
        {
            Assert.Equal(1L, await ScalarAsync(opened, "PRAGMA synchronous"));
            Assert.Equal(5000L, await ScalarAsync(opened, "PRAGMA busy_timeout"));
        }

        SqliteConnection.ClearAllPools();
        using var sync = (SqliteConnection)connections.Open();
        Assert.Equal(1L, await ScalarAsync(sync, "PRAGMA synchronous"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
