namespace Tailor.Storage.Sqlite;

/// <summary>The tables both stores share. Idempotent, so every process may run it on first use.</summary>
internal static class SqliteSchema
{
    // WAL is a property of the file, set once: readers no longer block the writer nor the writer the readers.
    // occurred_at holds UTC ticks, so integer order is time order at full DateTimeOffset precision.
    public const string Create = """
        PRAGMA journal_mode = WAL;

        CREATE TABLE IF NOT EXISTS events (
            stream      TEXT    NOT NULL,
            event_id    TEXT    NOT NULL,
            type        TEXT    NOT NULL,
            user_id     TEXT    NULL,
            occurred_at INTEGER NOT NULL,
            payload     TEXT    NOT NULL,
            PRIMARY KEY (stream, event_id)
        );
        CREATE INDEX IF NOT EXISTS events_by_stream_time ON events (stream, occurred_at, event_id);
        CREATE INDEX IF NOT EXISTS events_by_user ON events (user_id);

        CREATE TABLE IF NOT EXISTS documents (
            collection TEXT NOT NULL,
            id         TEXT NOT NULL,
            json       TEXT NOT NULL,
            version    INTEGER NOT NULL DEFAULT 1,
            PRIMARY KEY (collection, id)
        );
        """;

    /// <summary>Whether a file made before documents had versions still lacks the column.</summary>
    public const string HasVersion = "SELECT COUNT(*) FROM pragma_table_info('documents') WHERE name = 'version'";

    public const string AddVersion = "ALTER TABLE documents ADD COLUMN version INTEGER NOT NULL DEFAULT 1";
}
