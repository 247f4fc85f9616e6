using KitBot.Storage;

namespace KitBot.Privacy;

/// <summary>
/// The audit trail (table <c>audit</c>): who did what and when, with the id it concerned. It is what remains
/// of a practitioner after "forget me" and retention, so it must never hold their text.
/// </summary>
public sealed class AuditLog(StorageConnections connections, TimeProvider time)
{
    public async Task WriteAsync(string userKey, string action, string? subject, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO audit (at, user_key, action, subject) VALUES (@at, @user, @action, @subject)";
        command.Add("@at", time.GetUtcNow().ToUnixTimeMilliseconds());
        command.Add("@user", userKey);
        command.Add("@action", action);
        command.Add("@subject", subject);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The records about one person, oldest first (or everyone's when <paramref name="userKey"/> is null).</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string? userKey, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = userKey is null
            ? "SELECT at, user_key, action, subject FROM audit ORDER BY id"
            : "SELECT at, user_key, action, subject FROM audit WHERE user_key = @user ORDER BY id";
        command.Add("@user", userKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return entries;
    }
}
