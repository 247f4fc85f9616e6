using System.Text.Json;

namespace KitBot.Bench;

/// <summary>
/// <c>allocprobe</c>: bytes allocated by one warm expansion of the consultation's factors card, against the size of the
/// JSON it produces; a quick check of rendering allocations between full micro-benchmark runs.
/// </summary>
public static class AllocProbe
{
    public static async Task<int> RunAsync()
    {
        var benchmarks = new HotPathBenchmarks();
        await benchmarks.SetupAsync();
        for (var i = 0; i < 200; i++)
        {
            benchmarks.TemplateExpansion();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var card = benchmarks.TemplateExpansion()!;
        var expand = GC.GetAllocatedBytesForCurrentThread() - before;
        var json = JsonSerializer.SerializeToUtf8Bytes(card);
        Console.WriteLine($"Template expansion (consult-factors): {expand} bytes allocated for {json.Length} bytes of card JSON");
        Console.WriteLine($"Template expansion to UTF-8 (consult-factors): {Allocated(() => benchmarks.TemplateExpansionUtf8())} bytes allocated");
        Console.WriteLine($"Card to Teams wire via node tree: {Allocated(() => benchmarks.TeamsWireViaTree())} bytes allocated");
        Console.WriteLine($"Card to Teams wire, UTF-8: {Allocated(() => benchmarks.TeamsWireUtf8())} bytes allocated");
        return 0;
    }

    private static long Allocated(Func<object?> action)
    {
        for (var i = 0; i < 200; i++)
        {
            action();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
