using System.Data.Common;
using KitBot.Dialogs.Handover;
using KitBot.Storage;

namespace KitBot.Handover;

/// <summary>
/// The hand-over codes and reminder partners, in the configured database (SQLite or PostgreSQL). A code is used
/// with one conditional update (<see cref="TryClaimAsync"/>), so of any number of people typing it at once,
/// on any instance, exactly one gets it. Times are Unix milliseconds, UTC.
/// </summary>
public sealed class HandoverStore(StorageConnections connections)
{
    private const string Columns = "code_hash, purpose, plan_id, owner_user_id, owner_state_key, owner_conversation_key, created_at, expires_at, used_at, used_by";

    /// <summary>Stores a new code.</summary>
    public async Task AddAsync(HandoverCode code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO handover_code ({Columns})
            VALUES (@hash, @purpose, @plan, @owner, @stateKey, @conversation, @created, @expires, NULL, NULL)
            """;
        command.Add("@hash", code.Hash);
        command.Add("@purpose", code.Purpose.ToString());
        command.Add("@plan", code.PlanId);
        command.Add("@owner", code.OwnerUserId);
        command.Add("@stateKey", code.OwnerStateKey);
        command.Add("@conversation", code.OwnerConversationKey);
        command.Add("@created", code.CreatedAt.ToUnixTimeMilliseconds());
        command.Add("@expires", code.ExpiresAt.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The code with <paramref name="hash"/>, used or not, or null.</summary>
    public async Task<HandoverCode?> GetAsync(string hash, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM handover_code WHERE code_hash = @hash";
        command.Add("@hash", hash);
        return await ReadOneAsync(command, cancellationToken);
    }

    /// <summary>
    /// Uses the code for <paramref name="userId"/> if it is unused, in time and not the owner's own; the code as it
    /// was, or null when someone else (or nobody, in time) can use it.
    /// </summary>
    public async Task<HandoverCode?> TryClaimAsync(string hash, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            UPDATE handover_code SET used_at = @now, used_by = @user
            WHERE code_hash = @hash AND used_at IS NULL AND expires_at > @now AND owner_user_id <> @user
            RETURNING {Columns}
            """;
        command.Add("@hash", hash);
        command.Add("@user", userId);
        command.Add("@now", now.ToUnixTimeMilliseconds());
        return await ReadOneAsync(command, cancellationToken);
    }

    /// <summary>Names (or replaces) a plan's reminder partner.</summary>
    public async Task SetPartnerAsync(PlanPartner partner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partner);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO plan_partner (plan_id, owner_user_id, partner_user_id, partner_conversation_key, created_at)
            VALUES (@plan, @owner, @partner, @conversation, @now)
            ON CONFLICT (plan_id, owner_user_id) DO UPDATE SET
                partner_user_id = excluded.partner_user_id, partner_conversation_key = excluded.partner_conversation_key, created_at = excluded.created_at
            """;
        command.Add("@plan", partner.PlanId);
        command.Add("@owner", partner.OwnerUserId);
        command.Add("@partner", partner.PartnerUserId);
        command.Add("@conversation", partner.PartnerConversationKey);
        command.Add("@now", now.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A plan's reminder partner, or null.</summary>
    public async Task<PlanPartner?> GetPartnerAsync(string planId, string ownerUserId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT plan_id, owner_user_id, partner_user_id, partner_conversation_key FROM plan_partner WHERE plan_id = @plan AND owner_user_id = @owner";
        command.Add("@plan", planId);
        command.Add("@owner", ownerUserId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new PlanPartner(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3))
            : null;
    }

    /// <summary>
    /// A handed-over plan keeps its reminder partner under its new owner; a partner who now owns the plan is no longer
    /// their own partner.
    /// </summary>
    public async Task MovePartnerAsync(string planId, string fromUserId, string toUserId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.Add("@plan", planId);
        command.Add("@from", fromUserId);
        command.Add("@to", toUserId);
        command.CommandText = "DELETE FROM plan_partner WHERE plan_id = @plan AND owner_user_id = @from AND partner_user_id = @to";
        await command.ExecuteNonQueryAsync(cancellationToken);
        command.CommandText = """
            UPDATE plan_partner SET owner_user_id = @to WHERE plan_id = @plan AND owner_user_id = @from
              AND NOT EXISTS (SELECT 1 FROM plan_partner o WHERE o.plan_id = @plan AND o.owner_user_id = @to)
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<HandoverCode?> ReadOneAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new HandoverCode(
            reader.GetString(0),
            Enum.Parse<HandoverPurpose>(reader.GetString(1)),
            reader.GetString(2),
            reader.GetString(3),
            reader.GetString(4),
            reader.GetString(5),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
            reader.IsDBNull(8) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)),
            reader.IsDBNull(9) ? null : reader.GetString(9));
    }
}
