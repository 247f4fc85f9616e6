using System.Diagnostics;

namespace KitBot.Bench;

/// <summary>What the report says about the machine: /proc/meminfo, /proc/cpuinfo, node --version.</summary>
public static class Machine
{
    public static string MemTotal() =>
        File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))?["MemTotal:".Length..].Trim() ?? "unknown"
            : "unknown";

    public static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";

    public static string NodeVersion()
    {
        try
        {
            var info = new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true };
            using var process = Process.Start(info)!;
            var version = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit(5000);
            return version;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "not found";
        }
    }
}
