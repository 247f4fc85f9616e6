namespace KitBot.Tests.Support;

/// <summary>A request as <see cref="ScriptedHttpServer"/> saw it.</summary>
public sealed class RecordedRequest
{
    public required string Method { get; init; }

    /// <summary>The request target exactly as sent (path and query, still escaped).</summary>
    public required string Target { get; init; }

    public required string? Authorization { get; init; }

    public required string Body { get; init; }

    /// <summary>When it arrived, on the test's clock (a FakeTimeProvider when the test drives time).</summary>
    public required DateTimeOffset ArrivedAt { get; init; }

    /// <summary>The status the server answered; null while answering or when the connection was dropped.</summary>
    public int? Status { get; set; }
}
