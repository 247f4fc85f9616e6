using System.Globalization;
using KitBot.Storage;
using Microsoft.Extensions.Options;

namespace KitBot.Privacy;

/// <summary>
/// Deletes personal data: everything older than the retention period (run by a recurring job), and everything
/// of one practitioner when they ask to be forgotten. Only the audit trail, which holds no content, remains.
/// </summary>
public sealed class DataRetention(StorageConnections connections, AuditLog audit, TimeProvider time, IOptions<RetentionOptions> options, ILogger<DataRetention> logger)
{
    /// <summary>The recurring job's id in Hangfire.</summary>
    public const string JobId = "kitbot-retention";

    /// <summary>
    /// Deletes conversation state (consultations and plans live in it) and reviews whose last change is older
    /// than <c>Retention:Days</c>. A review still to come is kept until its due date is that old too.
    /// Returns how many rows went.
    /// </summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().AddDays(-options.Value.Days);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM conversation_state WHERE updated_at < @cutoff";
        // SQLite keeps the time as round-trip text (sortable); PostgreSQL as timestamptz.
        command.Add("@cutoff", connections.IsPostgres ? cutoff.UtcDateTime : cutoff.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        var states = await command.ExecuteNonQueryAsync(cancellationToken);

        command.Parameters.Clear();
        command.CommandText = "DELETE FROM review WHERE updated_at < @cutoff AND due_at < @cutoff";
        command.Add("@cutoff", cutoff.ToUnixTimeMilliseconds());
        var reviews = await command.ExecuteNonQueryAsync(cancellationToken);

        // Consultation requests hold a practitioner's question: they go when they have not changed for as long.
        command.CommandText = "DELETE FROM request WHERE updated_at < @cutoff";
        var requests = await command.ExecuteNonQueryAsync(cancellationToken);

        // Hand-over codes (ids only, useless after 48 hours) go once they expired that long ago; a reminder partner
        // goes with the last of its plan's reviews, and a choice of team channel for reminders with the person's last review.
        command.CommandText = """
            DELETE FROM handover_code WHERE expires_at < @cutoff;
            DELETE FROM plan_partner WHERE created_at < @cutoff
              AND NOT EXISTS (SELECT 1 FROM review r WHERE r.plan_id = plan_partner.plan_id AND r.user_id = plan_partner.owner_user_id);
            DELETE FROM review_route WHERE created_at < @cutoff
              AND NOT EXISTS (SELECT 1 FROM review r WHERE r.user_id = review_route.user_id)
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Log.RetentionPurged(logger, states, reviews + requests, options.Value.Days);
        if (states + reviews + requests > 0)
        {
            await audit.WriteAsync("system", AuditActions.RetentionPurged,
                string.Create(CultureInfo.InvariantCulture, $"states={states};reviews={reviews}{(requests > 0 ? $";requests={requests}" : "")}"), cancellationToken);
        }

        return states + reviews + requests;
    }

    /// <summary>
    /// Deletes everything of <paramref name="userId"/>: their state in every conversation (consultations, plans),
    /// their reviews, the consultation requests they raised, the hand-over codes they gave or used, the reminder partnerships
    /// they are either side of, the team channel they chose for their reminders, and the references of their personal chats; then records
    /// that it happened. A shared conversation's reference (a channel, a group chat) is never deleted: its
    /// <c>user_id</c> is only whoever spoke last, and colleagues' reminders and requests still go through it.
    /// </summary>
    public async Task ForgetAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.Add("@user", userId);
        command.Add("@suffix", ":" + userId);
        // A state key is "{channel}:{conversation}:{user}": an exact suffix match, no LIKE wildcards to escape.
        command.CommandText = """
            DELETE FROM conversation_state
            WHERE length(key) > length(@suffix) AND substr(key, length(key) - length(@suffix) + 1) = @suffix;
            DELETE FROM review WHERE user_id = @user;
            DELETE FROM request WHERE user_id = @user;
            DELETE FROM handover_code WHERE owner_user_id = @user OR used_by = @user;
            DELETE FROM plan_partner WHERE owner_user_id = @user OR partner_user_id = @user;
            DELETE FROM review_route WHERE user_id = @user;
            DELETE FROM conversation_reference WHERE user_id = @user AND is_group = @shared
            """;
        command.Add("@shared", false);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await audit.WriteAsync(userId, AuditActions.Forgotten, null, cancellationToken);
    }
}
