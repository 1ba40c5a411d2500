using System.Data.Common;
using System.Globalization;
using DataHub.Store.Catalog;
using Microsoft.Data.Sqlite;

namespace DataHub.Store.Audit;

/// <summary>
/// Moves an access log that an earlier version kept inside <c>catalog.db</c> into its own file, rows
/// verbatim (sequence numbers and hashes unchanged, so the chain and the anchor still verify).
/// Two steps, because SQLite in WAL mode does not commit several files atomically: copy and commit in the
/// log file first, then drop the old tables. A crash in between leaves a complete copy and an old table
/// the next start drops; a log that is in both places with diverging content is refused, never merged or dropped.
/// </summary>
internal static class AccessLogMigration
{
    private const string Columns = "seq, logged_at, client, purpose, endpoint, citizen_id, doc_ids, status, prev_hash, hash";

    public static void MoveOutOfCatalog(string catalogPath, string logPath)
    {
        if (!File.Exists(catalogPath)) return;
        using (var catalog = Connect(catalogPath))
        {
            using var exists = SqlCatalog.Command(catalog, null, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'access_log'");
            if (Convert.ToInt64(exists.ExecuteScalar(), CultureInfo.InvariantCulture) == 0) return;
        }

        using (var log = Connect(logPath))
        {
            SqlCatalog.Execute(log, null, "ATTACH DATABASE @p AS old", ("@p", catalogPath));
            // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default): two processes starting together copy once.
            using var transaction = log.BeginTransaction();
            var copied = MaxSeq(log, transaction, "main");
            var old = MaxSeq(log, transaction, "old");
            if (copied == 0 && old > 0)
            {
                // The entries only: the derived indexes of a new log file start empty (watermark 0) and are filled again.
                SqlCatalog.Execute(log, transaction, $"INSERT INTO main.access_log ({Columns}) SELECT {Columns} FROM old.access_log");
            }
            else if (old > 0 && (copied < old || HashAt(log, transaction, "main", old) != HashAt(log, transaction, "old", old)))
            {
                // Either an earlier version kept writing to catalog.db after the move, or the two are different chains.
                throw new InvalidOperationException(
                    $"the access log is in two places that disagree: {logPath} (up to entry {copied}) and catalog.db's old access_log table (up to entry {old}); reconcile them by hand and restart");
            }
            transaction.Commit();
        }

        using (var catalog = Connect(catalogPath))
        {
            using var transaction = catalog.BeginTransaction();
            SqlCatalog.Execute(catalog, transaction, "DROP TABLE IF EXISTS access_log_documents");
            SqlCatalog.Execute(catalog, transaction, "DROP TABLE IF EXISTS access_log");
            transaction.Commit();
        }
    }

    /// <summary>
    /// A log written by an earlier version carries the index <c>access_log_citizen</c> on the chained table,
    /// updated inside every append. The index goes, and every entry is indexed again behind the chain (the derived
    /// indexes' inserts skip rows they hold), in one transaction, once.
    /// </summary>
    public static void MoveCitizenIndexBehindTheChain(SqlCatalog log) =>
        IndexAgainAfter(log,
            log.Dialect == CatalogDialect.PostgreSql
                ? "SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'access_log_citizen' AND schemaname = current_schema()"
                : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'access_log_citizen'",
            found => found > 0,
            (connection, transaction) => SqlCatalog.Execute(connection, transaction, "DROP INDEX IF EXISTS access_log_citizen"));

    /// <summary>
    /// Index tables an earlier version keyed by citizen or document alone (no <c>segment</c> column, see
    /// <see cref="AccessLogIndex.SegmentBits"/>) are dropped and created anew, and every entry is indexed again
    /// behind the chain, in one transaction, once. The entries themselves are untouched. Both tables are checked:
    /// a log from before the citizen index had only the document table, and its citizen table is new.
    /// </summary>
    public static void SegmentTheIndexes(SqlCatalog log) =>
        IndexAgainAfter(log,
            log.Dialect == CatalogDialect.PostgreSql
                ? "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = current_schema() " +
                  "AND table_name IN ('access_log_citizens', 'access_log_documents') AND column_name = 'segment'"
                : "SELECT (SELECT COUNT(*) FROM pragma_table_info('access_log_citizens') WHERE name = 'segment') + " +
                  "(SELECT COUNT(*) FROM pragma_table_info('access_log_documents') WHERE name = 'segment')",
            found => found < 2,
            (connection, transaction) =>
            {
                SqlCatalog.Execute(connection, transaction, "DROP TABLE IF EXISTS access_log_documents");
                SqlCatalog.Execute(connection, transaction, "DROP TABLE IF EXISTS access_log_citizens");
                foreach (var statement in AccessLogSchemaSql.IndexTables(log.Dialect).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    SqlCatalog.Execute(connection, transaction, statement);
            });

    /// <summary>
    /// When <paramref name="count"/> says so (<paramref name="needed"/>), makes the <paramref name="change"/> and sets
    /// the derived indexes' watermark back to 0, so that every entry is indexed again behind the chain, in one
    /// transaction. Checked again inside it: two processes starting together make the change once.
    /// </summary>
    private static void IndexAgainAfter(SqlCatalog log, string count, Func<long, bool> needed, Action<DbConnection, DbTransaction> change)
    {
        using var connection = log.Open();
        bool Needed(DbTransaction? transaction)
        {
            using var check = SqlCatalog.Command(connection, transaction, count);
            return needed(Convert.ToInt64(check.ExecuteScalar(), CultureInfo.InvariantCulture));
        }
        if (!Needed(null)) return;
        // SQLite: BEGIN IMMEDIATE takes the write lock; PostgreSQL: the lock makes concurrent starts take turns.
        using var transaction = connection.BeginTransaction();
        if (log.Dialect == CatalogDialect.PostgreSql)
            SqlCatalog.Execute(connection, transaction, "LOCK TABLE access_log_indexed IN SHARE ROW EXCLUSIVE MODE");
        if (!Needed(transaction)) return;
        change(connection, transaction);
        SqlCatalog.Execute(connection, transaction, "UPDATE access_log_indexed SET seq = 0 WHERE id = 1");
        transaction.Commit();
    }

    private static long MaxSeq(SqliteConnection connection, SqliteTransaction transaction, string schema)
    {
        using var command = SqlCatalog.Command(connection, transaction, $"SELECT COALESCE(MAX(seq), 0) FROM {schema}.access_log");
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static string? HashAt(SqliteConnection connection, SqliteTransaction transaction, string schema, long seq)
    {
        using var command = SqlCatalog.Command(connection, transaction, $"SELECT hash FROM {schema}.access_log WHERE seq = @s", ("@s", seq));
        return command.ExecuteScalar() as string;
    }

    /// <summary>Unpooled: the attached catalog must not travel back into the pool.</summary>
    private static SqliteConnection Connect(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        SqlCatalog.Execute(connection, null, "PRAGMA busy_timeout=30000");
        return connection;
    }
}
