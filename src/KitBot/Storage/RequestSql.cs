using System.Data.Common;
using KitBot.Dialogs.Requests;
using KitBot.Requests;

namespace KitBot.Storage;

/// <summary>The request statements both stores share (times in Unix milliseconds, states lower-case names).</summary>
internal static class RequestSql
{
    public const string Columns =
        "id, reference, conversation_key, user_id, question, urgency, contact, contact_when, summary, state, claimed_by, claimed_name, " +
        "channel_key, channel_message_id, created_at, raise_at, raised_at, notice_at, noticed_at, closed_at, asked_by";

    public const string Insert = $"""
        INSERT INTO request ({Columns}, claimed_at, updated_at)
        VALUES (@id, @reference, @conversation, @user, @question, @urgency, @contact, @when, @summary, 'open', NULL, NULL,
            NULL, NULL, @now, @raiseAt, NULL, @noticeAt, NULL, NULL, @askedBy, NULL, @now)
        ON CONFLICT DO NOTHING
        """;

    public const string Get = $"SELECT {Columns} FROM request WHERE id = @id";

    // The claim: the database decides which racing caller changes the row; the others match none.
    public const string Claim = "UPDATE request SET state = 'claimed', claimed_by = @user, claimed_name = @name, claimed_at = @now, updated_at = @now WHERE id = @id AND state = 'open'";

    public const string Release = "UPDATE request SET state = 'open', claimed_by = NULL, claimed_name = NULL, claimed_at = NULL, raise_at = @raiseAt, updated_at = @now WHERE id = @id AND state = 'claimed' AND claimed_by = @user";

    public const string Close = "UPDATE request SET state = 'closed', closed_at = @now, updated_at = @now WHERE id = @id AND state = 'claimed' AND claimed_by = @user";

    public const string SetMessage = "UPDATE request SET channel_key = @channel, channel_message_id = @message, updated_at = @now WHERE id = @id";

    public const string Raised = "UPDATE request SET raised_at = @now, raise_at = @raiseAt, updated_at = @now WHERE id = @id AND state = 'open' AND raise_at <= @now";

    public const string Noticed = "UPDATE request SET noticed_at = @now, updated_at = @now WHERE id = @id AND state = 'open' AND notice_at <= @now AND noticed_at IS NULL";

    public const string ListOpen = $"SELECT {Columns} FROM request WHERE state = 'open' ORDER BY created_at, id LIMIT @limit";

    public const string ListClaimed = $"SELECT {Columns} FROM request WHERE state = 'claimed' AND claimed_by = @user ORDER BY created_at, id";

    public const string ListActive = $"SELECT {Columns} FROM request WHERE user_id = @user AND state IN ('open', 'claimed') ORDER BY created_at DESC";

    public const string GetChannel = "SELECT conversation_key FROM request_channel WHERE id = 'consultants'";

    public const string SetChannel = """
        INSERT INTO request_channel (id, conversation_key, set_by, updated_at) VALUES ('consultants', @conversation, @user, @now)
        ON CONFLICT (id) DO UPDATE SET conversation_key = excluded.conversation_key, set_by = excluded.set_by, updated_at = excluded.updated_at
        """;

    public static string Name<T>(T value) where T : struct, Enum => value.ToString();

    public static StoredRequest Read(DbDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetString(2),
        r.GetString(3),
        r.GetString(4),
        Enum.Parse<RequestUrgency>(r.GetString(5)),
        Enum.Parse<RequestContact>(r.GetString(6)),
        r.GetString(7),
        r.IsDBNull(8) ? null : r.GetString(8),
        Enum.Parse<RequestState>(r.GetString(9), ignoreCase: true),
        r.IsDBNull(10) ? null : r.GetString(10),
        r.IsDBNull(11) ? null : r.GetString(11),
        r.IsDBNull(12) ? null : r.GetString(12),
        r.IsDBNull(13) ? null : r.GetString(13),
        ReviewSql.Time(r.GetInt64(14)),
        ReviewSql.Time(r.GetInt64(15)),
        r.IsDBNull(16) ? null : ReviewSql.Time(r.GetInt64(16)),
        ReviewSql.Time(r.GetInt64(17)),
        r.IsDBNull(18) ? null : ReviewSql.Time(r.GetInt64(18)),
        r.IsDBNull(19) ? null : ReviewSql.Time(r.GetInt64(19)),
        r.IsDBNull(20) ? null : r.GetString(20));
}
