namespace KitBot.Storage;

/// <summary>The PostgreSQL schema, as an ordered list of migrations (the same tables as <see cref="SqliteSchema"/>).</summary>
internal static class PostgresSchema
{
    public static IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE conversation_state (
            key TEXT PRIMARY KEY,
            json TEXT NOT NULL,
            version BIGINT NOT NULL,
            updated_at TIMESTAMPTZ NOT NULL);
        CREATE TABLE conversation_reference (
            key TEXT PRIMARY KEY,
            channel TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            service_url TEXT NOT NULL,
            user_id TEXT NOT NULL,
            bot_id TEXT,
            tenant_id TEXT,
            is_group BOOLEAN NOT NULL,
            unreachable BOOLEAN NOT NULL,
            updated_at TIMESTAMPTZ NOT NULL)
        """,
        """
        CREATE TABLE review (
            id TEXT PRIMARY KEY,
            plan_id TEXT NOT NULL,
            conversation_key TEXT NOT NULL,
            user_id TEXT NOT NULL,
            stage TEXT NOT NULL,
            kind TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            label TEXT NOT NULL,
            due_date TEXT NOT NULL,
            time_zone TEXT NOT NULL,
            due_at BIGINT NOT NULL,
            remind_at BIGINT NOT NULL,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            lease_until BIGINT,
            sent_at BIGINT,
            last_status INTEGER,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL);
        CREATE INDEX review_due ON review (state, remind_at);
        CREATE INDEX review_user ON review (user_id, due_at);
        CREATE INDEX review_conversation ON review (conversation_key, state)
        """,
        // 3: Data Protection keys shared by every instance (state encryption, download links), and the audit trail (no content).
        """
        CREATE TABLE data_protection_keys (
            friendly_name TEXT PRIMARY KEY,
            xml TEXT NOT NULL);
        CREATE TABLE audit (
            id BIGSERIAL PRIMARY KEY,
            at BIGINT NOT NULL,
            user_key TEXT NOT NULL,
            action TEXT NOT NULL,
            subject TEXT);
        CREATE INDEX audit_user ON audit (user_key, at);
        CREATE INDEX conversation_state_updated ON conversation_state (updated_at)
        """,
    ];
}
