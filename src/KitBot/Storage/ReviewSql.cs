using System.Data;
using System.Data.Common;
using System.Globalization;
using KitBot.Dialogs.Reviews;

namespace KitBot.Storage;

/// <summary>
/// The review statements both stores share. Times are Unix milliseconds (bigint), so comparisons are plain
/// integer comparisons in SQLite and PostgreSQL alike; states are lower-case names.
/// </summary>
internal static class ReviewSql
{
    public const string Columns =
        "id, plan_id, conversation_key, user_id, stage, kind, sequence, label, due_date, time_zone, due_at, remind_at, state, attempts, lease_until, sent_at, last_status";

    public const string Insert = $"""
        INSERT INTO review ({Columns}, created_at, updated_at)
        VALUES (@id, @plan, @conversation, @user, @stage, @kind, @sequence, @label, @dueDate, @zone, @dueAt, @remindAt, @state, 0, NULL, NULL, NULL, @now, @now)
        ON CONFLICT (id) DO NOTHING
        """;

    // Undelivered: waiting (pending or snoozed), or claimed by a delivery whose lease ran out (it crashed).
    public const string Claimable = "(state IN ('pending', 'snoozed') OR (state = 'sending' AND lease_until < @now))";

    public const string Due = $"SELECT id FROM review WHERE remind_at <= @now AND {Claimable} ORDER BY remind_at, id LIMIT @limit";

    public const string Claim = $"""
        UPDATE review SET state = 'sending', lease_until = @lease, attempts = attempts + 1, updated_at = @now
        WHERE id = @id AND remind_at <= @now AND {Claimable}
        RETURNING {Columns}
        """;

    public const string Sent = "UPDATE review SET state = 'sent', lease_until = NULL, sent_at = @now, last_status = NULL, updated_at = @now WHERE id = @id AND state = 'sending'";

    public const string Release = "UPDATE review SET state = 'pending', lease_until = NULL, remind_at = @retryAt, last_status = @status, updated_at = @now WHERE id = @id AND state = 'sending'";

    public const string GiveUp = "UPDATE review SET state = @state, lease_until = NULL, last_status = @status, updated_at = @now WHERE id = @id AND state = 'sending'";

    public const string Undeliverable = "UPDATE review SET state = 'undeliverable', lease_until = NULL, updated_at = @now WHERE conversation_key = @conversation AND state IN ('pending', 'snoozed', 'sending')";

    public const string ListUndeliverable = $"""
        SELECT {Columns} FROM review
        WHERE state = 'undeliverable' AND (conversation_key = @conversation OR (@user IS NOT NULL AND user_id = @user))
        ORDER BY remind_at, id
        """;

    public const string Reopen = """
        UPDATE review SET state = 'pending', remind_at = @remindAt, attempts = 0, lease_until = NULL, last_status = NULL, updated_at = @now
        WHERE id = @id AND state = 'undeliverable'
        """;

    public const string Open = "state NOT IN ('done', 'cancelled')";

    public const string Reschedule = $"""
        UPDATE review SET due_date = @dueDate, due_at = @dueAt, remind_at = @remindAt, state = @state, attempts = 0,
            lease_until = NULL, last_status = NULL, updated_at = @now
        WHERE id = @id AND {Open}
        """;

    public const string Complete = $"UPDATE review SET state = 'done', lease_until = NULL, updated_at = @now WHERE id = @id AND {Open}";

    public const string CancelPlan = $"UPDATE review SET state = 'cancelled', lease_until = NULL, updated_at = @now WHERE plan_id = @plan AND user_id = @user AND {Open}";

    public const string Get = $"SELECT {Columns} FROM review WHERE id = @id";

    public const string List = $"SELECT {Columns} FROM review WHERE user_id = @user AND (@plan IS NULL OR plan_id = @plan) AND {Open} ORDER BY due_at, id";

    public const string MovePlan = $"UPDATE review SET user_id = @to, conversation_key = @conversation, updated_at = @now WHERE plan_id = @plan AND user_id = @user AND {Open}";

    // Oldest first: a batch is never held up by younger reminders that the working-days rule does not let through yet.
    // Waiting for an answer: sent and unanswered (snoozing, rescheduling, marking reviewed or stopping all change the state).
    public const string Escalatable = "(state = 'sent' OR state IN ('undeliverable', 'failed'))";

    public const string EscalationCandidates = $"""
        SELECT {Columns} FROM review
        WHERE escalated_at IS NULL
          AND ((state = 'sent' AND sent_at <= @sentBefore) OR (state IN ('undeliverable', 'failed') AND remind_at <= @now))
          AND EXISTS (SELECT 1 FROM plan_partner p WHERE p.plan_id = review.plan_id AND p.owner_user_id = review.user_id)
        ORDER BY COALESCE(sent_at, remind_at), id LIMIT @limit
        """;

    public const string MarkEscalated = $"UPDATE review SET escalated_at = @now WHERE id = @id AND escalated_at IS NULL AND {Escalatable}";

    public const string UnmarkEscalated = "UPDATE review SET escalated_at = NULL WHERE id = @id";

    public static long Ms(DateTimeOffset t) => t.ToUnixTimeMilliseconds();

    public static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static string Name(ReviewState state) => state.ToString().ToLowerInvariant();

    public static ReviewState State(string name) => Enum.Parse<ReviewState>(name, ignoreCase: true);

    /// <summary>Adds a parameter; a null needs its type named, or PostgreSQL cannot tell what it is.</summary>
    public static void Add(DbCommand command, string name, object? value, DbType nullType = DbType.String)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        if (value is null)
        {
            p.DbType = nullType;
        }

        command.Parameters.Add(p);
    }

    public static void AddReview(DbCommand command, StoredReview r, DateTimeOffset now)
    {
        Add(command, "@id", r.Id);
        Add(command, "@plan", r.PlanId);
        Add(command, "@conversation", r.ConversationKey);
        Add(command, "@user", r.UserId);
        Add(command, "@stage", r.Stage.ToString());
        Add(command, "@kind", r.Kind.ToString());
        Add(command, "@sequence", r.Sequence);
        Add(command, "@label", r.Label);
        Add(command, "@dueDate", r.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(command, "@zone", r.TimeZone);
        Add(command, "@dueAt", Ms(r.DueAt));
        Add(command, "@remindAt", Ms(r.RemindAt));
        Add(command, "@state", Name(r.State));
        Add(command, "@now", Ms(now));
    }

    public static StoredReview Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        Enum.Parse<ReviewStage>(reader.GetString(4)),
        Enum.Parse<ReviewKind>(reader.GetString(5)),
        Convert.ToInt32(reader.GetValue(6), CultureInfo.InvariantCulture),
        reader.GetString(7),
        DateOnly.ParseExact(reader.GetString(8), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        reader.GetString(9),
        Time(reader.GetInt64(10)),
        Time(reader.GetInt64(11)),
        State(reader.GetString(12)),
        Convert.ToInt32(reader.GetValue(13), CultureInfo.InvariantCulture),
        reader.IsDBNull(14) ? null : Time(reader.GetInt64(14)),
        reader.IsDBNull(15) ? null : Time(reader.GetInt64(15)),
        reader.IsDBNull(16) ? null : Convert.ToInt32(reader.GetValue(16), CultureInfo.InvariantCulture));
}
