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

    /// <summary>lscpu's model name, CPU(s) and threads per core, as lscpu prints them.</summary>
    public static string Lscpu()
    {
        try
        {
            var info = new ProcessStartInfo("lscpu") { RedirectStandardOutput = true };
            using var process = Process.Start(info)!;
            var lines = process.StandardOutput.ReadToEnd().Split('\n');
            process.WaitForExit(5000);
            string Field(string name) => lines.FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
            return $"{Field("Model name")}, {Field("CPU(s)")} CPUs, {Field("Thread(s) per core")} thread(s) per core";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "lscpu not found";
        }
    }

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
