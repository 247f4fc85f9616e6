using System.Data;
using System.Data.Common;
using KitBot.Dialogs.Reviews;

namespace KitBot.Storage;

/// <summary>
/// The review store over any ADO.NET provider that understands <c>@name</c> parameters and <c>RETURNING</c>
/// (SQLite 3.35+, PostgreSQL): the SQLite and PostgreSQL stores differ only in how they open a connection.
/// </summary>
public sealed class DbReviewStore(StorageConnections connections) : IReviewStore
{
    // The configured database (SQLite file or PostgreSQL), its schema brought up to date on first use.
    private Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => connections.OpenAsync(cancellationToken);

    public async Task<int> AddAsync(IReadOnlyList<StoredReview> reviews, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var added = 0;
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var review in reviews)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = ReviewSql.Insert;
            ReviewSql.AddReview(command, review, now);
            added += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    public async Task<StoredReview?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(ReviewSql.Get, cancellationToken, ("@id", id));
        return rows.Count == 0 ? null : rows[0];
    }

    public Task<IReadOnlyList<StoredReview>> ListOpenAsync(string userId, string? planId, CancellationToken cancellationToken) =>
        QueryAsync(ReviewSql.List, cancellationToken, ("@user", userId), ("@plan", planId));

    public async Task<IReadOnlyList<string>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = ReviewSql.Due;
        ReviewSql.Add(command, "@now", ReviewSql.Ms(now));
        ReviewSql.Add(command, "@limit", limit);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public async Task<StoredReview?> TryClaimAsync(string id, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        // One conditional UPDATE: the database decides which of any racing callers changes the row; the others
        // match no row and get nothing back.
        var rows = await QueryAsync(ReviewSql.Claim, cancellationToken,
            ("@id", id), ("@now", ReviewSql.Ms(now)), ("@lease", ReviewSql.Ms(leaseUntil)));
        return rows.Count == 1 ? rows[0] : null;
    }

    public async Task<bool> MarkSentAsync(string id, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ExecuteAsync(ReviewSql.Sent, cancellationToken, ("@id", id), ("@now", ReviewSql.Ms(now))) == 1;

    public async Task<bool> ReleaseAsync(string id, DateTimeOffset retryAt, int? status, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ExecuteAsync(ReviewSql.Release, cancellationToken,
            ("@id", id), ("@retryAt", ReviewSql.Ms(retryAt)), ("@status", status), ("@now", ReviewSql.Ms(now))) == 1;

    public async Task<bool> GiveUpAsync(string id, ReviewState state, int? status, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ExecuteAsync(ReviewSql.GiveUp, cancellationToken,
            ("@id", id), ("@state", ReviewSql.Name(state)), ("@status", status), ("@now", ReviewSql.Ms(now))) == 1;

    public Task<int> MarkConversationUndeliverableAsync(string conversationKey, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(ReviewSql.Undeliverable, cancellationToken, ("@conversation", conversationKey), ("@now", ReviewSql.Ms(now)));

    public Task<IReadOnlyList<StoredReview>> ListUndeliverableAsync(string conversationKey, string? userId, CancellationToken cancellationToken) =>
        QueryAsync(ReviewSql.ListUndeliverable, cancellationToken, ("@conversation", conversationKey), ("@user", userId));

    public async Task<bool> ReopenAsync(string id, DateTimeOffset remindAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ExecuteAsync(ReviewSql.Reopen, cancellationToken, ("@id", id), ("@remindAt", ReviewSql.Ms(remindAt)), ("@now", ReviewSql.Ms(now))) == 1;

    public async Task<bool> RescheduleAsync(string id, DateOnly dueDate, DateTimeOffset dueAt, DateTimeOffset remindAt, ReviewState state, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ExecuteAsync(ReviewSql.Reschedule, cancellationToken,
            ("@id", id),
            ("@dueDate", dueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("@dueAt", ReviewSql.Ms(dueAt)),
            ("@remindAt", ReviewSql.Ms(remindAt)),
            ("@state", ReviewSql.Name(state)),
            ("@now", ReviewSql.Ms(now))) == 1;

    public async Task<bool> CompleteAsync(string id, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ExecuteAsync(ReviewSql.Complete, cancellationToken, ("@id", id), ("@now", ReviewSql.Ms(now))) == 1;

    public Task<int> CancelPlanAsync(string planId, string userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(ReviewSql.CancelPlan, cancellationToken, ("@plan", planId), ("@user", userId), ("@now", ReviewSql.Ms(now)));

    public Task<int> MovePlanAsync(string planId, string fromUserId, string toUserId, string toConversationKey, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(ReviewSql.MovePlan, cancellationToken,
            ("@plan", planId), ("@user", fromUserId), ("@to", toUserId), ("@conversation", toConversationKey), ("@now", ReviewSql.Ms(now)));

    public async Task<IReadOnlyList<StoredReview>> EscalationCandidatesAsync(DateTimeOffset now, DateTimeOffset sentBefore, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = ReviewSql.EscalationCandidates;
        ReviewSql.Add(command, "@now", ReviewSql.Ms(now));
        ReviewSql.Add(command, "@sentBefore", ReviewSql.Ms(sentBefore));
        ReviewSql.Add(command, "@limit", limit);
        var rows = new List<StoredReview>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(ReviewSql.Read(reader));
        }

        return rows;
    }

    public async Task<bool> TryMarkEscalatedAsync(string id, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ExecuteAsync(ReviewSql.MarkEscalated, cancellationToken, ("@id", id), ("@now", ReviewSql.Ms(now))) == 1;

    public Task UnmarkEscalatedAsync(string id, CancellationToken cancellationToken) =>
        ExecuteAsync(ReviewSql.UnmarkEscalated, cancellationToken, ("@id", id));

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<StoredReview>> QueryAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        var rows = new List<StoredReview>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(ReviewSql.Read(reader));
        }

        return rows;
    }

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            ReviewSql.Add(command, name, value, name == "@status" ? DbType.Int32 : DbType.String);
        }

        return command;
    }
}
