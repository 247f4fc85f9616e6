namespace KitBot.Security;

/// <summary>Values from a request that go into a log line: an id is short, so anything longer is cut.</summary>
public static class LogValue
{
    /// <summary>The longest id written to a log as it came.</summary>
    public const int MaxIdLength = 64;

    /// <summary><paramref name="id"/> as logged: "(none)" when absent, cut to <see cref="MaxIdLength"/> characters with a mark.</summary>
    public static string Id(string? id) =>
        string.IsNullOrEmpty(id) ? "(none)" : id.Length <= MaxIdLength ? id : id[..MaxIdLength] + "…(cut)";
}
