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
    ];
}
