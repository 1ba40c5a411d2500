using DataHub.Store.Catalog;

namespace DataHub.Store.Audit;

/// <summary>
/// The access log's tables. On PostgreSQL they sit beside the catalog's; on SQLite they are a file of
/// their own (<see cref="AccessLogDatabase"/>), because in WAL mode every commit to a file makes every
/// other connection to that file drop its page cache, and the log commits every few milliseconds under load.
/// </summary>
public static class AccessLogSchemaSql
{
    public static string Create(CatalogDialect d) => $"""
        -- Append-only, hash-chained (see Store/Audit/AccessLog.cs). seq is assigned by the appender, not by
        -- the database, so a gap is visible and the chain order is explicit.
        CREATE TABLE IF NOT EXISTS access_log (
            seq BIGINT PRIMARY KEY,
            logged_at TEXT NOT NULL,
            client TEXT NOT NULL,
            purpose TEXT,
            endpoint TEXT NOT NULL,
            citizen_id TEXT,
            doc_ids TEXT NOT NULL,
            status INTEGER NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL);
        -- Index of access_log.doc_ids for reuse figures and "who read this document", and of citizen_id for
        -- "who looked at this citizen"; derived, not chained, and filled in behind the chain (AccessLogIndex):
        -- access_log_indexed says how far. Keyed by segment first (seq >> 15, AccessLogIndex.SegmentBits): a chunk's
        -- rows land in its own segment's small subtree, not on random pages of the whole index. (Earlier versions
        -- kept an index access_log_citizen on the table itself, and index tables without segments; AccessLogMigration
        -- drops both, and the entries are indexed again.)
        {IndexTables(d)}
        CREATE TABLE IF NOT EXISTS access_log_indexed (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            seq BIGINT NOT NULL);
        -- How far each API server's journal (AccessLogJournal) is moved into access_log, committed with the entries moved.
        CREATE TABLE IF NOT EXISTS access_log_journals (
            journal TEXT PRIMARY KEY,
            moved_to BIGINT NOT NULL);
        -- Created beside a log written by an earlier version, which indexed every entry as it appended it.
        INSERT INTO access_log_indexed (id, seq) SELECT 1, COALESCE(MAX(seq), 0) FROM access_log WHERE 1 = 1 ON CONFLICT (id) DO NOTHING;
        """;

    /// <summary>The two derived index tables (also created anew by <see cref="AccessLogMigration"/>).</summary>
    public static string IndexTables(CatalogDialect d) => $"""
        CREATE TABLE IF NOT EXISTS access_log_documents (
            segment BIGINT NOT NULL,
            doc_id TEXT NOT NULL,
            seq BIGINT NOT NULL,
            client TEXT NOT NULL,
            PRIMARY KEY (segment, doc_id, seq)){d.WithoutRowId};
        CREATE TABLE IF NOT EXISTS access_log_citizens (
            segment BIGINT NOT NULL,
            citizen_id TEXT NOT NULL,
            seq BIGINT NOT NULL,
            PRIMARY KEY (segment, citizen_id, seq)){d.WithoutRowId};
        """;
}
