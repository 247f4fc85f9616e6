using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using KitBot.Storage;

namespace KitBot.Privacy;

/// <summary>
/// The audit trail (table <c>audit</c>): who did what and when, with the id it concerned. It is what remains
/// of a practitioner after "forget me" and retention, so it must never hold their text: every value is checked
/// here, whoever writes it, and anything that is not shaped like one of KitBot's own ids is stored as a hash.
/// </summary>
public sealed partial class AuditLog(StorageConnections connections, TimeProvider time)
{
    /// <summary>The longest user key, action or subject the audit trail stores as written.</summary>
    public const int MaxLength = 64;

    public async Task WriteAsync(string userKey, string action, string? subject, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO audit (at, user_key, action, subject) VALUES (@at, @user, @action, @subject)";
        command.Add("@at", time.GetUtcNow().ToUnixTimeMilliseconds());
        command.Add("@user", SafeUser(userKey));
        command.Add("@action", ActionShape().IsMatch(action) ? action : "unknown");
        command.Add("@subject", subject is null ? null : Safe(subject));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// <paramref name="value"/> as stored: unchanged when it has the shape of an id KitBot issues (a dialog id such as
    /// <c>pl-19c2a3b4d5e-7</c>, a 32-digit hex review or request id, or counts such as <c>states=1;reviews=2</c>),
    /// otherwise <c>sha256:</c> and the first 40 hex digits of its SHA-256 (47 characters), so a forged value can be
    /// matched but never read back.
    /// </summary>
    public static string Safe(string value) =>
        IdShape().IsMatch(value)
            ? value
            : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..40];

    // Channel user ids (a Teams "29:..." id, a Slack workspace and user) can be longer than KitBot's own ids.
    private static string SafeUser(string value) => UserShape().IsMatch(value) ? value : Safe(value);

    /// <summary>The records about one person, oldest first (or everyone's when <paramref name="userKey"/> is null).</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string? userKey, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = userKey is null
            ? "SELECT at, user_key, action, subject FROM audit ORDER BY id"
            : "SELECT at, user_key, action, subject FROM audit WHERE user_key = @user ORDER BY id";
        command.Add("@user", userKey is null ? null : SafeUser(userKey));
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

    // \z, not $: $ also matches before a final newline.
    [GeneratedRegex(@"^(?:[a-z]{1,12}-[0-9a-f]{1,16}-[0-9]{1,10}|[0-9a-f]{32}|[a-z]{1,16}=[0-9]{1,10}(?:;[a-z]{1,16}=[0-9]{1,10}){0,3})\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdShape();

    [GeneratedRegex(@"^[A-Za-z0-9._:@|-]{1,128}\z", RegexOptions.CultureInvariant)]
    private static partial Regex UserShape();

    // Actions are KitBot's own names (plan.exported, review.done...): lower case, dotted.
    [GeneratedRegex(@"^[a-z][a-z0-9._-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ActionShape();
}
