using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KitBot.Bench;

/// <summary>A bot under test in its own process: KitBot from the Release build, or the botbuilder peer under Node.</summary>
public sealed class TargetProcess : IAsyncDisposable
{
    private readonly Process _process;

    private TargetProcess(Process process, string baseUrl, string? dataFolder)
    {
        _process = process;
        BaseUrl = baseUrl;
        DataFolder = dataFolder;
    }

    public string BaseUrl { get; }

    public string MessagesUrl => BaseUrl + "/api/messages";

    public int Pid => _process.Id;

    public string? DataFolder { get; }

    /// <summary>Starts KitBot (<c>dotnet KitBot.dll</c>) on embedded defaults: a temp SQLite file, anonymous, loopback.</summary>
    public static Process StartKitBotProcess(string dll, int port, string dataFolder, IEnumerable<string> settings)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dataFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        info.ArgumentList.Add($"--Storage:Sqlite:Path={Path.Combine(dataFolder, "kitbot.db")}");
        // Warnings only: per-turn Information lines to a console would measure the terminal, not the bot.
        info.ArgumentList.Add("--Logging:LogLevel:Default=Warning");
        foreach (var s in settings)
        {
            info.ArgumentList.Add("--" + s);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(info)!;
        Drain(process);
        return process;
    }

    /// <summary>
    /// The bot a load run names (<c>--bot kitbot</c> with <c>--kitbot-dll</c>, or <c>--bot peer</c> with <c>--peer-dir</c>).
    /// The per-user turn limit is for people; a simulated user sends a consultation's turns back to back.
    /// </summary>
    public static Task<TargetProcess> StartAsync(Options options) => options.Require("bot") == "peer"
        ? StartPeerAsync(options.Require("peer-dir"))
        : StartKitBotAsync(options.Require("kitbot-dll"), "Security:TurnsPerMinutePerUser=100000");

    public static async Task<TargetProcess> StartKitBotAsync(string dll, params string[] settings)
    {
        var port = FreePort();
        var data = Directory.CreateTempSubdirectory("kitbot-target-").FullName;
        var process = StartKitBotProcess(dll, port, data, settings);
        var target = new TargetProcess(process, $"http://127.0.0.1:{port}", data);
        await target.WaitReadyAsync("/health/ready", TimeSpan.FromSeconds(60));
        return target;
    }

    public static async Task<TargetProcess> StartPeerAsync(string peerDir)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("node") { WorkingDirectory = peerDir, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("index.js");
        info.Environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var process = Process.Start(info)!;
        Drain(process);
        var target = new TargetProcess(process, $"http://127.0.0.1:{port}", null);
        await target.WaitReadyAsync("/health", TimeSpan.FromSeconds(60));
        return target;
    }

    public async Task WaitReadyAsync(string path, TimeSpan limit)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The target exited with code {_process.ExitCode} before it was ready.");
            }

            try
            {
                using var response = await http.GetAsync(BaseUrl + path);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"The target was not ready at {BaseUrl + path} within {limit}.");
    }

    /// <summary>CPU time used by the target so far (user + system).</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>Peak resident memory of the target (VmHWM), in MB.</summary>
    public double PeakMemoryMb() => ProcStatusKb(_process.Id, "VmHWM:") / 1024.0;

    public static long ProcStatusKb(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static void Drain(Process process)
    {
        // Read the target's output so it never blocks on a full pipe; show only its errors.
        var shown = 0;
        process.OutputDataReceived += (_, e) =>
        {
            // Warnings and failures (the console logger's "warn:"/"fail:" lines), the first few only.
            if (e.Data is { } line && (line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal))
                && Interlocked.Increment(ref shown) <= 10)
            {
                Console.Error.WriteLine("[target] " + line);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 })
            {
                Console.Error.WriteLine("[target] " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (DataFolder is not null)
        {
            try
            {
                Directory.Delete(DataFolder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
