using Microsoft.Extensions.Logging;

namespace KitBot.Tests.Support;

/// <summary>One message written to a <see cref="ListLogger{T}"/>.</summary>
public sealed record LogEntry(LogLevel Level, EventId EventId, string Message);
