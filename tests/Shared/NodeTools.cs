using System.Diagnostics;

namespace KitBot.Testing;

/// <summary>
/// The real implementations tests check against (TESTING.md), installed from tests/tools/package-lock.json with
/// <c>npm ci</c> the first time a test needs them. Outside CI a missing Node.js skips; in CI it fails.
/// </summary>
public static class NodeTools
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private static bool _installed;

    /// <summary>The tests/tools folder.</summary>
    public static string Folder { get; } = Path.Combine(RepositoryRoot.Path, "tests", "tools");

    /// <summary>True when running under CI, where a missing tool is a failure, never a skip.</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Installs the tools if they are missing; returns a reason to skip when Node.js is absent outside CI.</summary>
    public static async Task<string?> EnsureInstalledAsync()
    {
        await InstallGate.WaitAsync();
        try
        {
            if (_installed)
            {
                return null;
            }

            if (!OnPath("node") || !OnPath("npm"))
            {
                const string reason = "Node.js and npm are not installed (apt-get install nodejs npm).";
                if (InCi)
                {
                    throw new InvalidOperationException(reason);
                }

                return reason;
            }

            // Another test process may be installing at the same time: a lock file serialises npm ci across processes.
            using (await AcquireFileLockAsync(Path.Combine(Folder, ".install.lock")))
            {
                var marker = Path.Combine(Folder, "node_modules", ".package-lock.json");
                if (!File.Exists(marker) || File.GetLastWriteTimeUtc(marker) < File.GetLastWriteTimeUtc(Path.Combine(Folder, "package-lock.json")))
                {
                    var (code, output) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], Folder, TimeSpan.FromMinutes(10));
                    if (code != 0)
                    {
                        throw new InvalidOperationException($"npm ci in {Folder} failed ({code}):\n{output}");
                    }
                }
            }

            _installed = true;
            return null;
        }
        finally
        {
            InstallGate.Release();
        }
    }

    /// <summary>
    /// Installs the tools if they are missing; outside CI, when Node.js is absent, the calling test is reported as
    /// skipped with the reason (use it in a <c>[SkippableFact]</c> or <c>[SkippableTheory]</c>).
    /// </summary>
    public static async Task RequireAsync()
    {
        var reason = await EnsureInstalledAsync();
        Skip.If(reason is not null, reason);
    }

    /// <summary>A tool's executable in node_modules/.bin.</summary>
    public static string Bin(string name) => Path.Combine(Folder, "node_modules", ".bin", name);

    /// <summary>Runs a script in tests/tools with node, feeding it <paramref name="stdin"/>; returns exit code and output.</summary>
    public static Task<(int Code, string Output)> NodeAsync(string script, string stdin, TimeSpan timeout) =>
        RunAsync("node", [Path.Combine(Folder, script)], Folder, timeout, stdin);

    /// <summary>Runs a process to completion with a deadline.</summary>
    public static async Task<(int Code, string Output)> RunAsync(string file, IEnumerable<string> args, string workingDirectory, TimeSpan timeout, string? stdin = null)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within {timeout}.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => File.Exists(Path.Combine(dir, name)));

    private static async Task<FileStream> AcquireFileLockAsync(string path)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }
}

/// <summary>Finds the repository root (the folder holding KitBot.sln) from the test's output folder.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "KitBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("KitBot.sln not found above " + AppContext.BaseDirectory);
    }
}
