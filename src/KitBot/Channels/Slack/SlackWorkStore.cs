using System.Data.Common;
using KitBot.Storage;
using Microsoft.Extensions.Options;

namespace KitBot.Channels.Slack;

/// <summary>
/// Acknowledged Slack work in KitBot's database (table <c>slack_work</c>), shared by every instance. A request is
/// recorded before Slack is answered; a worker on any instance claims it atomically with a lease (renewed while it
/// runs) and marks it done right after its replies went out. Work whose lease ran out (its instance stopped) is
/// claimable again. A conversation's requests run one at a time, in the order they came.
/// </summary>
public sealed class SlackWorkStore(IOptions<SlackOptions> options, TimeProvider time, StorageConnections connections)
{
    // Claimable: waiting, or claimed by another instance whose lease ran out (never one this instance is still running,
    // whatever the clock says). Only a conversation's oldest unfinished request is claimable, so its requests keep
    // their order across instances.
    private const string Claimable = "(state = 'pending' OR (state = 'running' AND lease_until <= @now AND lease_owner <> @owner))";

    private const string Next = """
        SELECT w.id FROM slack_work w
        WHERE (w.state = 'pending' OR (w.state = 'running' AND w.lease_until <= @now AND w.lease_owner <> @owner))
          AND NOT EXISTS (SELECT 1 FROM slack_work e WHERE e.conversation = w.conversation AND e.id < w.id AND e.state <> 'done')
        ORDER BY w.id LIMIT 1
        """;

    private const string Claim = $"""
        UPDATE slack_work SET state = 'running', lease_owner = @owner, lease_until = @lease, attempts = attempts + 1, updated_at = @now
        WHERE id = ({Next}) AND {Claimable}
        RETURNING id, kind, payload, received_at, attempts
        """;

    private readonly PruneSchedule _prune = new();

    /// <summary>This instance's name on its leases: unique per process.</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Guid.NewGuid():N}";

    /// <summary>
    /// Records a request before it is acknowledged; its id, or null when <see cref="SlackOptions.QueueCapacity"/>
    /// requests are already waiting (answer 503 so Slack retries).
    /// </summary>
    public async Task<long?> AddAsync(string conversation, string kind, string payload, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await PruneAsync(now, cancellationToken);
        using var writer = await connections.EnterWriteAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO slack_work (conversation, kind, payload, received_at, state, attempts, created_at, updated_at)
            SELECT @conversation, @kind, @payload, @received, 'pending', 0, @now, @now
            WHERE (SELECT COUNT(*) FROM slack_work WHERE state IN ('pending', 'running')) < @capacity
            RETURNING id
            """;
        command.Add("@conversation", conversation);
        command.Add("@kind", kind);
        command.Add("@payload", payload);
        command.Add("@received", receivedAt.ToUnixTimeMilliseconds());
        command.Add("@now", now);
        command.Add("@capacity", (long)options.Value.QueueCapacity);
        return await command.ExecuteScalarAsync(cancellationToken) is { } id ? Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Claims the next claimable request for this instance, or null when there is none.</summary>
    public async Task<SlackWork?> ClaimAsync(CancellationToken cancellationToken)
    {
        using var writer = await connections.EnterWriteAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        // Two instances may choose the same row; the second's update finds it no longer claimable and tries again.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var now = time.GetUtcNow();
            await using var command = connection.CreateCommand();
            command.CommandText = Claim;
            command.Add("@owner", Owner);
            command.Add("@lease", (now + options.Value.WorkLease).ToUnixTimeMilliseconds());
            command.Add("@now", now.ToUnixTimeMilliseconds());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                return new SlackWork(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                    reader.GetInt32(4));
            }

            await reader.CloseAsync();
            if (!await AnyClaimableAsync(connection, now.ToUnixTimeMilliseconds(), cancellationToken))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Extends this instance's lease on a request it is still running; false when the lease was lost.</summary>
    public async Task<bool> RenewAsync(long id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        using var writer = await connections.EnterWriteAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE slack_work SET lease_until = @lease, updated_at = @now WHERE id = @id AND state = 'running' AND lease_owner = @owner";
        command.Add("@lease", (now + options.Value.WorkLease).ToUnixTimeMilliseconds());
        command.Add("@now", now.ToUnixTimeMilliseconds());
        command.Add("@id", id);
        command.Add("@owner", Owner);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Marks a request done (its replies went out, or it was given up); false when this instance no longer held it.</summary>
    public async Task<bool> CompleteAsync(long id, CancellationToken cancellationToken)
    {
        using var writer = await connections.EnterWriteAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE slack_work SET state = 'done', lease_owner = NULL, lease_until = NULL, updated_at = @now WHERE id = @id AND state = 'running' AND lease_owner = @owner";
        command.Add("@now", time.GetUtcNow().ToUnixTimeMilliseconds());
        command.Add("@id", id);
        command.Add("@owner", Owner);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task<bool> AnyClaimableAsync(DbConnection connection, long now, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Next;
        command.Add("@now", now);
        command.Add("@owner", Owner);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>At most once a minute, deletes work done more than ten minutes ago (kept that long only to look at).</summary>
    private async Task PruneAsync(long now, CancellationToken cancellationToken)
    {
        if (!_prune.TryClaim(now))
        {
            return;
        }

        using var writer = await connections.EnterWriteAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM slack_work WHERE state = 'done' AND updated_at <= @before";
        command.Add("@before", now - 600_000);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
