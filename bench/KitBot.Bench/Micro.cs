using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace KitBot.Bench;

/// <summary>Runs <see cref="HotPathBenchmarks"/> with BenchmarkDotNet: a short job, in process, with the memory diagnoser.</summary>
public static class Micro
{
    public static int Run(string[] args)
    {
        var options = Options.Parse(args);
        // In process: no per-run project generation and rebuild, which on 2 busy cores costs more than the measurements.
        var config = ManualConfig.CreateEmpty()
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .AddColumnProvider(DefaultConfig.Instance.GetColumnProviders().ToArray())
            .AddLogger(DefaultConfig.Instance.GetLoggers().ToArray())
            .WithArtifactsPath(options.Get("artifacts", Path.Combine(Path.GetTempPath(), "kitbot-bench-artifacts")))
            .WithOptions(ConfigOptions.JoinSummary | ConfigOptions.DisableLogFile);
        // --filter "*Template*,*TeamsWire*": only the benchmarks whose full name matches one of the globs.
        if (options.Get("filter", string.Empty) is { Length: > 0 } filter)
        {
            config = config.AddFilter(new GlobFilter(filter.Split(',')));
        }

        var summary = BenchmarkRunner.Run<HotPathBenchmarks>(config);
        return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) ? 1 : 0;
    }
}
