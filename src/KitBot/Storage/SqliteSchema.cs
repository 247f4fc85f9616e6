namespace KitBot.Storage;

/// <summary>The SQLite schema, as an ordered list of migrations; a migration is never edited once shipped.</summary>
internal static class SqliteSchema
{
    public static IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE conversation_state (
            key TEXT PRIMARY KEY,
            json TEXT NOT NULL,
            version INTEGER NOT NULL,
            updated_at TEXT NOT NULL);
        CREATE TABLE conversation_reference (
            key TEXT PRIMARY KEY,
            channel TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            service_url TEXT NOT NULL,
            user_id TEXT NOT NULL,
            bot_id TEXT,
            tenant_id TEXT,
            is_group INTEGER NOT NULL,
            unreachable INTEGER NOT NULL,
            updated_at TEXT NOT NULL)
        """,
        // 2: reviews, the source of truth for reminders (times in Unix milliseconds, UTC).
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
            due_at INTEGER NOT NULL,
            remind_at INTEGER NOT NULL,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            lease_until INTEGER,
            sent_at INTEGER,
            last_status INTEGER,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL);
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
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at INTEGER NOT NULL,
            user_key TEXT NOT NULL,
            action TEXT NOT NULL,
            subject TEXT);
        CREATE INDEX audit_user ON audit (user_key, at);
        CREATE INDEX conversation_state_updated ON conversation_state (updated_at)
        """,
    ];
}
