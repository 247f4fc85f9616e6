using KitBot.Channels.Teams;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KitBot.Tests.Support;

/// <summary>
/// The real KitBot host, in memory, for one test: its own SQLite file, the settings the test chooses, and a
/// <see cref="RecordingConnector"/> instead of the Bot Framework. Configure it before the first request
/// (or <c>Services</c>), which starts the host; dispose it to delete the database.
/// </summary>
public sealed class KitBotFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Action<IServiceCollection>> _services = [];

    public KitBotFactory()
    {
        DatabasePath = Path.Combine(Path.GetTempPath(), "kitbot-tests", $"{Guid.NewGuid():N}.db");
        _settings["Storage:Sqlite:Path"] = DatabasePath;
        // Tests that need Hangfire's server start ReminderHost; here it would only poll in the background.
        _settings["Reminders:Hangfire:Server"] = "false";
    }

    /// <summary>This host's SQLite file.</summary>
    public string DatabasePath { get; }

    /// <summary>What KitBot sent through the connector.</summary>
    public RecordingConnector Connector { get; } = new();

    /// <summary>Overrides one setting, as <c>appsettings.json</c> would name it (for example <c>Teams:AppId</c>).</summary>
    public KitBotFactory WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Changes registrations after KitBot's own (for example a <c>FakeTimeProvider</c> as <c>TimeProvider</c>).</summary>
    public KitBotFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>Counts the rows of a table in this host's database.</summary>
    public long CountRows(string table)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"")}\"";
        return (long)command.ExecuteScalar()!;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Not Development: that would load a developer's user secrets (Teams:AppId...) into the test.
        builder.UseEnvironment("Testing");

        // The build copies appsettings.json and cards/ next to the test assembly, as it does for KitBot itself.
        builder.UseContentRoot(AppContext.BaseDirectory);

        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IConnectorClient>();
            services.AddSingleton<IConnectorClient>(Connector);
            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            // The store pools connections, which keep the file open.
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm", DatabasePath + "-journal", Path.ChangeExtension(DatabasePath, ".key") })
            {
                File.Delete(file);
            }
        }
    }
}
