using System.Data.Common;
using KitBot.Requests;

namespace KitBot.Storage;

/// <summary>The request store over SQLite or PostgreSQL: they differ only in how a connection is opened.</summary>
public sealed class DbRequestStore(StorageConnections connections) : IRequestStore
{
    // The configured database (SQLite file or PostgreSQL), its schema brought up to date on first use.
    private Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => connections.OpenAsync(cancellationToken);

    public async Task<bool> AddAsync(StoredRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await ExecuteAsync(RequestSql.Insert, cancellationToken,
            ("@id", request.Id), ("@reference", request.Reference), ("@conversation", request.ConversationKey), ("@user", request.UserId),
            ("@question", request.Question), ("@urgency", RequestSql.Name(request.Urgency)), ("@contact", RequestSql.Name(request.Contact)),
            ("@when", request.When), ("@summary", request.Summary), ("@askedBy", request.AskedBy), ("@now", ReviewSql.Ms(now)),
            ("@raiseAt", ReviewSql.Ms(request.RaiseAt)), ("@noticeAt", ReviewSql.Ms(request.NoticeAt))) == 1;
    }

    public async Task<StoredRequest?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(RequestSql.Get, cancellationToken, ("@id", id));
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<bool> TryClaimAsync(string id, string userId, string displayName, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ExecuteAsync(RequestSql.Claim, cancellationToken, ("@id", id), ("@user", userId), ("@name", displayName), ("@now", ReviewSql.Ms(now))) == 1;

    public async Task<bool> ReleaseAsync(string id, string userId, DateTimeOffset raiseAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ExecuteAsync(RequestSql.Release, cancellationToken, ("@id", id), ("@user", userId), ("@raiseAt", ReviewSql.Ms(raiseAt)), ("@now", ReviewSql.Ms(now))) == 1;

    public async Task<bool> CloseAsync(string id, string userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ExecuteAsync(RequestSql.Close, cancellationToken, ("@id", id), ("@user", userId), ("@now", ReviewSql.Ms(now))) == 1;

    public Task SetChannelMessageAsync(string id, string channelKey, string messageId, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(RequestSql.SetMessage, cancellationToken, ("@id", id), ("@channel", channelKey), ("@message", messageId), ("@now", ReviewSql.Ms(now)));

    public async Task<bool> MarkRaisedAsync(string id, DateTimeOffset nextRaiseAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ExecuteAsync(RequestSql.Raised, cancellationToken, ("@id", id), ("@raiseAt", ReviewSql.Ms(nextRaiseAt)), ("@now", ReviewSql.Ms(now))) == 1;

    public async Task<bool> MarkNoticedAsync(string id, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ExecuteAsync(RequestSql.Noticed, cancellationToken, ("@id", id), ("@now", ReviewSql.Ms(now))) == 1;

    public Task<IReadOnlyList<StoredRequest>> ListActiveAsync(string userId, CancellationToken cancellationToken) =>
        QueryAsync(RequestSql.ListActive, cancellationToken, ("@user", userId));

    public Task<IReadOnlyList<StoredRequest>> ListOpenAsync(int limit, CancellationToken cancellationToken) =>
        QueryAsync(RequestSql.ListOpen, cancellationToken, ("@limit", limit));

    public Task<IReadOnlyList<StoredRequest>> ListClaimedByAsync(string userId, CancellationToken cancellationToken) =>
        QueryAsync(RequestSql.ListClaimed, cancellationToken, ("@user", userId));

    public async Task<string?> GetChannelAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, RequestSql.GetChannel, []);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public Task SetChannelAsync(string conversationKey, string setBy, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(RequestSql.SetChannel, cancellationToken, ("@conversation", conversationKey), ("@user", setBy), ("@now", ReviewSql.Ms(now)));

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<StoredRequest>> QueryAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        var rows = new List<StoredRequest>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(RequestSql.Read(reader));
        }

        return rows;
    }

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            ReviewSql.Add(command, name, value);
        }

        return command;
    }
}
