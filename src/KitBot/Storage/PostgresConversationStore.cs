using KitBot.Conversations;
using Npgsql;

namespace KitBot.Storage;

/// <summary>Conversation state and references in PostgreSQL, so several instances share them.</summary>
public sealed class PostgresConversationStore(PostgresDatabase database) : IConversationStore
{
    public async Task<VersionedState> LoadStateAsync(string key, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("SELECT json, version FROM conversation_state WHERE key = @key");
        command.Parameters.AddWithValue("key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new VersionedState(reader.GetString(0), reader.GetInt64(1))
            : new VersionedState(null, 0);
    }

    public async Task<bool> TrySaveStateAsync(string key, string json, long expectedVersion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // One statement each way, so the version check and the write are atomic (as in the SQLite store).
        await using var command = database.DataSource.CreateCommand(expectedVersion == 0
            ? "INSERT INTO conversation_state (key, json, version, updated_at) VALUES (@key, @json, 1, @now) ON CONFLICT (key) DO NOTHING"
            : "UPDATE conversation_state SET json = @json, version = version + 1, updated_at = @now WHERE key = @key AND version = @expected");
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("json", json);
        command.Parameters.AddWithValue("expected", expectedVersion);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task SaveReferenceAsync(ConversationReference reference, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("""
            INSERT INTO conversation_reference
                (key, channel, conversation_id, service_url, user_id, bot_id, tenant_id, is_group, unreachable, updated_at)
            VALUES (@key, @channel, @conversation, @serviceUrl, @user, @bot, @tenant, @group, false, @now)
            ON CONFLICT (key) DO UPDATE SET
                service_url = excluded.service_url, user_id = excluded.user_id, bot_id = excluded.bot_id,
                tenant_id = excluded.tenant_id, is_group = excluded.is_group, unreachable = false,
                updated_at = excluded.updated_at
            """);
        command.Parameters.AddWithValue("key", reference.Key);
        command.Parameters.AddWithValue("channel", reference.Channel);
        command.Parameters.AddWithValue("conversation", reference.ConversationId);
        command.Parameters.AddWithValue("serviceUrl", reference.ServiceUrl);
        command.Parameters.AddWithValue("user", reference.UserId);
        command.Parameters.Add(new NpgsqlParameter<string?>("bot", reference.BotId));
        command.Parameters.Add(new NpgsqlParameter<string?>("tenant", reference.TenantId));
        command.Parameters.AddWithValue("group", reference.IsGroup);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ConversationReference?> GetReferenceAsync(string key, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("""
            SELECT key, channel, conversation_id, service_url, user_id, bot_id, tenant_id, is_group, unreachable
            FROM conversation_reference WHERE key = @key
            """);
        command.Parameters.AddWithValue("key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new ConversationReference(
            reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetString(5),
            reader.IsDBNull(6) ? null : reader.GetString(6),
            reader.GetBoolean(7),
            reader.GetBoolean(8));
    }

    public async Task MarkUnreachableAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("UPDATE conversation_reference SET unreachable = true, updated_at = @now WHERE key = @key");
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("SELECT count(*) FROM schema_version");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }
}
