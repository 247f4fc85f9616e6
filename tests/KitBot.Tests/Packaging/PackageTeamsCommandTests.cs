using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using KitBot.Testing;

namespace KitBot.Tests.Packaging;

/// <summary>
/// The real KitBot executable, as an administrator runs it: <c>package-teams</c> with only an app id, and the
/// ASP.NET Core listen settings.
/// </summary>
public sealed class PackageTeamsCommandTests : IDisposable
{
    private const string BotId = "6f1c2b0e-3a4d-4e5f-9a8b-7c6d5e4f3a2b";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kitbot-tests", $"pkg-{Guid.NewGuid():N}");

    public PackageTeamsCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [SkippableFact]
    public async Task WithOnlyTheAppId_WritesAPackageThatPassesTheOfficialValidation()
    {
        var zip = Path.Combine(_folder, "kitbot-teams.zip");

        var (code, output, error) = await KitBotAsync($"package-teams --out={zip} --Teams:AppId={BotId}");

        Assert.True(code == 0, error);
        Assert.Equal("", error);
        Assert.Contains("kitbot-teams.zip", output);
        using var archive = ZipFile.OpenRead(zip);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], archive.Entries.Select(e => e.FullName).Order());
        string manifest;
        using (var reader = new StreamReader(archive.GetEntry("manifest.json")!.Open()))
        {
            manifest = await reader.ReadToEndAsync();
        }

        Assert.Equal(BotId, JsonNode.Parse(manifest)!["bots"]![0]!["botId"]!.GetValue<string>());
        await NodeTools.RequireAsync();
        var (validatorCode, errors) = await NodeTools.NodeAsync("validate-manifest.js", manifest, TimeSpan.FromMinutes(1));
        Assert.True(validatorCode == 0, errors);
        Assert.Equal("[]", errors.Trim());
    }

    [Theory]
    [InlineData("", "Teams:AppId")]
    [InlineData("--Teams:AppId=not-a-guid", "Teams:AppId")]
    [InlineData($"--Teams:AppId={BotId} --TeamsApp:Version=one", "TeamsApp:Version")]
    [InlineData($"--Teams:AppId={BotId} --TeamsApp:WebsiteUrl=", "TeamsApp:WebsiteUrl")]
    [InlineData($"--Teams:AppId={BotId} --TeamsApp:ValidDomains:0=https://kitbot.example.org/", "TeamsApp:ValidDomains:0")]
    public async Task AMissingOrBadSetting_IsOneLineNamingIt_AndANonZeroExit(string arguments, string setting)
    {
        var zip = Path.Combine(_folder, "kitbot-teams.zip");

        var (code, output, error) = await KitBotAsync($"package-teams --out={zip} {arguments}");

        Assert.NotEqual(0, code);
        Assert.Equal("", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith(setting, line);
        Assert.DoesNotContain("Exception", line);
        Assert.False(File.Exists(zip));
    }

    [Fact]
    public async Task AspNetCoreUrls_InTheEnvironment_IsWhereKitBotListens()
    {
        var port = FreePort();
        var database = Path.Combine(_folder, "kitbot.db");
        using var process = Start("", new() { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}", ["Storage__Sqlite__Path"] = database });
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
            HttpStatusCode? status = null;
            while (status is null && DateTime.UtcNow < deadline && !process.HasExited)
            {
                try
                {
                    status = (await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health/live"))).StatusCode;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(100);
                }
            }

            Assert.Equal(HttpStatusCode.OK, status);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public void WithNothingSet_TheDefaultIsLocalhost3978_AndUrlsOnTheCommandLineWins()
    {
        Assert.Equal(Hosting.KitBotHost.DefaultUrl, Hosting.KitBotHost.CreateBuilder([]).Configuration["urls"]);
        Assert.Equal("http://127.0.0.1:4000", Hosting.KitBotHost.CreateBuilder(["--urls=http://127.0.0.1:4000"]).Configuration["urls"]);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Process Start(string arguments, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet", $"KitBot.dll {arguments}")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Nothing from the developer's or CI's environment: only what the test says.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("Teams", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("TeamsApp", StringComparison.OrdinalIgnoreCase) || k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
            || k.Equals("Urls", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("Could not start KitBot.");
    }

    private async Task<(int Code, string Output, string Error)> KitBotAsync(string arguments)
    {
        using var process = Start(arguments, new() { ["Storage__Sqlite__Path"] = Path.Combine(_folder, "kitbot.db") });
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
