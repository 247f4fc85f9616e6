using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace KitBot.Bench;

/// <summary>Cold start: from starting <c>dotnet KitBot.dll</c> (a fresh SQLite file each time) to the first 200 from /health/ready.</summary>
public static class ColdStart
{
    public static async Task<int> RunAsync(Options options)
    {
        var dll = options.Require("kitbot-dll");
        var runs = options.Int("runs", 5);
        var output = options.Require("out");
        var times = new List<double>();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        for (var run = 0; run < runs; run++)
        {
            var port = TargetProcess.FreePort();
            var data = Directory.CreateTempSubdirectory("kitbot-cold-").FullName;
            var started = Stopwatch.GetTimestamp();
            using var process = TargetProcess.StartKitBotProcess(dll, port, data, []);
            double? ready = null;
            var deadline = started + 30 * Stopwatch.Frequency;
            while (ready is null && Stopwatch.GetTimestamp() < deadline && !process.HasExited)
            {
                try
                {
                    using var response = await http.GetAsync($"http://127.0.0.1:{port}/health/ready");
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        ready = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    }
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }

                if (ready is null)
                {
                    await Task.Delay(5);
                }
            }

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(data, recursive: true);
            times.Add(ready ?? double.NaN);
            Console.WriteLine($"[coldstart] run {run + 1}: {ready:F0} ms");
        }

        var sorted = times.Where(double.IsFinite).Order().ToArray();
        await ResultFile.WriteAsync(output, new JsonObject
        {
            ["runs"] = runs,
            ["failed"] = runs - sorted.Length,
            ["medianMs"] = sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2],
            ["minMs"] = sorted.Length == 0 ? double.NaN : sorted[0],
            ["maxMs"] = sorted.Length == 0 ? double.NaN : sorted[^1],
            ["allMs"] = new JsonArray([.. times.Select(t => (JsonNode?)Math.Round(t, 1))]),
        });
        return 0;
    }
}
