using KitBot.Storage;

namespace KitBot.Reminders;

/// <summary>The people whose review reminders go to a team channel, in the configured database (SQLite or PostgreSQL).</summary>
public sealed class ReviewRouteStore(StorageConnections connections)
{
    /// <summary>Sends <paramref name="route"/>'s person's reminders to its channel from now on (replacing any earlier choice).</summary>
    public async Task SetAsync(ReviewRoute route, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(route);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO review_route (user_id, channel_key, shown_as, created_at) VALUES (@user, @channel, @shownAs, @now)
            ON CONFLICT (user_id) DO UPDATE SET
                channel_key = excluded.channel_key, shown_as = excluded.shown_as, created_at = excluded.created_at
            """;
        command.Add("@user", route.UserId);
        command.Add("@channel", route.ChannelKey);
        command.Add("@shownAs", route.ShownAs);
        command.Add("@now", now.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Where <paramref name="userId"/>'s reminders go, or null for their personal chat.</summary>
    public async Task<ReviewRoute?> GetAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_id, channel_key, shown_as FROM review_route WHERE user_id = @user";
        command.Add("@user", userId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new ReviewRoute(reader.GetString(0), reader.GetString(1), reader.GetString(2)) : null;
    }

    /// <summary>Reminders go to the person's personal chat again; true when they had been going to a channel.</summary>
    public async Task<bool> RemoveAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM review_route WHERE user_id = @user";
        command.Add("@user", userId);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }
}
