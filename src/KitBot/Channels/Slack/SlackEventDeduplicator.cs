using KitBot.Storage;
using Microsoft.Extensions.Options;

namespace KitBot.Channels.Slack;

/// <summary>
/// Remembers recent <c>event_id</c>s so Slack's retries (after a slow or lost acknowledgement) are processed once.
/// In KitBot's database (table <c>slack_event</c>), so a retry that reaches another instance is recognised too;
/// each id expires after Slack:DeduplicationWindow.
/// </summary>
public sealed class SlackEventDeduplicator(IOptions<SlackOptions> options, TimeProvider time, StorageConnections connections)
{
    private readonly PruneSchedule _prune = new();

    /// <summary>True the first time an event id is seen within the window, on any instance; false for a retry.</summary>
    public async Task<bool> TryBeginAsync(string eventId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await PruneAsync(now, cancellationToken);
        // In the acknowledgement's path: waiting for the writer slot in process never blocks a thread, where colliding
        // with another writer in SQLite puts the thread to sleep in its busy handler.
        using var writer = await connections.EnterWriteAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Inserted, or an expired row taken over: 1 row. A live row (a retry): 0.
        command.CommandText = """
            INSERT INTO slack_event (event_id, expires_at) VALUES (@id, @until)
            ON CONFLICT (event_id) DO UPDATE SET expires_at = excluded.expires_at WHERE slack_event.expires_at <= @now
            """;
        command.Add("@id", eventId);
        command.Add("@until", now + (long)options.Value.DeduplicationWindow.TotalMilliseconds);
        command.Add("@now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Forgets an event id whose processing could not start, so Slack's retry is accepted.</summary>
    public async Task ForgetAsync(string eventId, CancellationToken cancellationToken)
    {
        using var writer = await connections.EnterWriteAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM slack_event WHERE event_id = @id";
        command.Add("@id", eventId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>At most once a minute, deletes the ids whose window has passed.</summary>
    private async Task PruneAsync(long now, CancellationToken cancellationToken)
    {
        if (!_prune.TryClaim(now))
        {
            return;
        }

        using var writer = await connections.EnterWriteAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM slack_event WHERE expires_at <= @now";
        command.Add("@now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
