using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace KitBot.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL server (TESTING.md): initdb and pg_ctl from Debian's package on a free port in a temp
/// folder, as the postgres user when running as root, dropped at the end. Outside CI missing binaries give a
/// reason to skip; in CI (CI=true) they are a failure. Share one per test class with <c>IClassFixture</c>.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string? _folder;
    private string? _bin;

    /// <summary>Why the server could not start (tests skip with it), or null when it runs.</summary>
    public string? SkipReason { get; private set; }

    public int Port { get; private set; }

    /// <summary>The connection string for a database on this server.</summary>
    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username=kitbot;Database={database};Pooling=true;Maximum Pool Size=40;Timeout=30;Command Timeout=60";

    /// <summary>
    /// What a KitBot host needs to run on <paramref name="database"/>: the provider, the connection string and the
    /// key-encryption key every instance on one database shares (KitBot refuses PostgreSQL without one).
    /// </summary>
    public static string[] HostSettings(string database, params string[] more) =>
        ["Storage:Provider=PostgreSql", $"Storage:PostgreSql:ConnectionString={database}", $"DataProtection:Key={SharedKey}", .. more];

    private static readonly string SharedKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    /// <summary>Creates an empty database (so tests sharing the server stay apart) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async Task InitializeAsync()
    {
        _bin = FindBinaries();
        if (_bin is null)
        {
            const string reason = "PostgreSQL server binaries are not installed (apt-get install postgresql).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(reason);
            }

            SkipReason = reason;
            return;
        }

        _folder = Directory.CreateTempSubdirectory("kitbot-pg-").FullName;
        Port = FreePort();
        if (IsRoot)
        {
            // PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
            await RunAsync("chown", ["postgres", _folder]);
        }

        await RunPgAsync("initdb", ["-D", Path.Combine(_folder, "data"), "-A", "trust", "-U", "kitbot", "--no-sync"]);
        await RunPgAsync("pg_ctl",
        [
            "-D", Path.Combine(_folder, "data"), "-w", "-l", Path.Combine(_folder, "log"),
            "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200",
            "start",
        ]);
    }

    public async Task DisposeAsync()
    {
        if (_folder is null || _bin is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await RunPgAsync("pg_ctl", ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"]);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static string? FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        return Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => b, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;
    }

    private Task RunPgAsync(string tool, IReadOnlyList<string> args) =>
        IsRoot
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin!, tool), .. args])
            : RunAsync(Path.Combine(_bin!, tool), args);

    private static async Task RunAsync(string file, IReadOnlyList<string> args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(cts.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
