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
        // 4: consultation requests (issue 7) and the consultants' channel chosen by an administrator. Times in Unix ms, UTC.
        """
        CREATE TABLE request (
            id TEXT PRIMARY KEY,
            reference TEXT NOT NULL UNIQUE,
            conversation_key TEXT NOT NULL,
            user_id TEXT NOT NULL,
            question TEXT NOT NULL,
            urgency TEXT NOT NULL,
            contact TEXT NOT NULL,
            contact_when TEXT NOT NULL,
            summary TEXT,
            state TEXT NOT NULL,
            claimed_by TEXT,
            claimed_name TEXT,
            channel_key TEXT,
            channel_message_id TEXT,
            created_at BIGINT NOT NULL,
            raise_at BIGINT NOT NULL,
            raised_at BIGINT,
            notice_at BIGINT NOT NULL,
            noticed_at BIGINT,
            claimed_at BIGINT,
            closed_at BIGINT,
            updated_at BIGINT NOT NULL);
        CREATE INDEX request_state ON request (state, created_at);
        CREATE INDEX request_claimed ON request (claimed_by, state);
        CREATE INDEX request_user ON request (user_id, state);
        CREATE TABLE request_channel (
            id TEXT PRIMARY KEY,
            conversation_key TEXT NOT NULL,
            set_by TEXT NOT NULL,
            updated_at BIGINT NOT NULL)
        """,
        // Slack on several instances (issue 15): event ids already taken (Slack's retries land on any instance) and the
        // forms behind "Open the form" buttons (the modal may be submitted through another instance), both with expiry.
        """
        CREATE TABLE slack_event (
            event_id TEXT PRIMARY KEY,
            expires_at BIGINT NOT NULL);
        CREATE INDEX slack_event_expires ON slack_event (expires_at);
        CREATE TABLE slack_form (
            id TEXT PRIMARY KEY,
            body TEXT NOT NULL,
            expires_at BIGINT NOT NULL);
        CREATE INDEX slack_form_expires ON slack_form (expires_at)
        """,
        // Who asked, as the channel names them to colleagues (issue 12), on the consultants' request card.
        "ALTER TABLE request ADD COLUMN asked_by TEXT",
        // Acknowledged Slack work (issue 15): recorded before Slack is answered, claimed by any instance with a lease, so
        // work taken by an instance that stops is resumed by another. Times in Unix ms, UTC.
        """
        CREATE TABLE slack_work (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            conversation TEXT NOT NULL,
            kind TEXT NOT NULL,
            payload TEXT NOT NULL,
            received_at BIGINT NOT NULL,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            lease_owner TEXT,
            lease_until BIGINT,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL);
        CREATE INDEX slack_work_state ON slack_work (state, id);
        CREATE INDEX slack_work_conversation ON slack_work (conversation, id)
        """,
        // Living plans (issue 14): one-time codes for handing a plan over or naming a reminder partner (only their hash is
        // stored), each plan's reminder partner, and when a review's reminder went to the partner (once per review).
        """
        CREATE TABLE handover_code (
            code_hash TEXT PRIMARY KEY,
            purpose TEXT NOT NULL,
            plan_id TEXT NOT NULL,
            owner_user_id TEXT NOT NULL,
            owner_state_key TEXT NOT NULL,
            owner_conversation_key TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            expires_at BIGINT NOT NULL,
            used_at BIGINT,
            used_by TEXT);
        CREATE INDEX handover_code_owner ON handover_code (owner_user_id);
        CREATE INDEX handover_code_used_by ON handover_code (used_by);
        CREATE INDEX handover_code_expires ON handover_code (expires_at);
        CREATE TABLE plan_partner (
            plan_id TEXT NOT NULL,
            owner_user_id TEXT NOT NULL,
            partner_user_id TEXT NOT NULL,
            partner_conversation_key TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            PRIMARY KEY (plan_id, owner_user_id));
        CREATE INDEX plan_partner_partner ON plan_partner (partner_user_id);
        ALTER TABLE review ADD COLUMN escalated_at BIGINT
        """,
        // Living plans (issue 14): where a person's review reminders go when not to their personal chat (a team channel they
        // chose by typing "send my reviews here" there), and how the channel names them to colleagues.
        """
        CREATE TABLE review_route (
            user_id TEXT PRIMARY KEY,
            channel_key TEXT NOT NULL,
            shown_as TEXT NOT NULL,
            created_at BIGINT NOT NULL)
        """,
        // State sealed with AES-GCM keys of its own (issue 15): each key wrapped by Data Protection, made every 90 days.
        """
        CREATE TABLE state_key (
            id INTEGER PRIMARY KEY,
            wrapped TEXT NOT NULL,
            created_at BIGINT NOT NULL)
        """,
    ];
}
