using System.Data.Common;
using System.Globalization;

namespace DataHub.Store.Catalog;

/// <summary>
/// On SQLite, a sync batch's versions and subjects are appended to <c>staged_versions</c> and
/// <c>staged_subjects</c> in arrival order, and moved in key order when the run ends (or once
/// <see cref="MergeThreshold"/> rows wait). Document and citizen ids are hashes or random, so inserting each row
/// into its keyed table dirtied a 4 KiB page of its own, written to the WAL and again at the checkpoint;
/// appending fills pages in sequence, and a merge touches each leaf once. Measured on 100,000 records: a sync
/// 20–25 % faster (bench/RESULTS.md).
/// <para>
/// A run that is small next to the keyed tables (a nightly delta) goes to the recent level instead
/// (<c>recent_versions</c>, <c>recent_subjects</c>), which is merged into the keyed tables once it holds a
/// <see cref="KeyedPerRecent"/>th of them: merging 10,000 rows into a million touched a random leaf per row,
/// a quarter of the tables' pages, and took 40 % of the delta's time (bench/RESULTS.md, ninth session). Only the
/// versions a run supersedes are updated in the keyed table at once (the corrections' documents), so its
/// <c>is_current</c> is right for every reader without looking at the recent level.
/// </para>
/// <para>
/// Until moved, a staged version is seen by <see cref="SqlCatalog.FindCurrent"/> (the sync's own
/// decisions) through an in-memory map from a 64-bit hash of the document id to the row of its newest
/// staged version, always checked against the row itself; lookups see it once its run has ended. A
/// crashed run's staged rows are durable (committed with their batch's checkpoint) and moved before the
/// next run starts.
/// </para>
/// </summary>
internal sealed class CatalogStaging
{
    /// <summary>Bounds the in-memory map (~24 bytes a row) and how long a long run keeps documents from lookups.</summary>
    public const int MergeThreshold = 200_000;

    /// <summary>
    /// The recent level holds at most one version for every <see cref="KeyedPerRecent"/> in the keyed table (5 %): a
    /// lookup probes a small, hot tree beside the keyed one, and a merge waits until it can write many rows per page.
    /// </summary>
    public const int KeyedPerRecent = 20;

    private const string StagedColumns = "doc_id, version, doc_type, agency_code, result_number, content_hash, status, issue_date, valid_until, method, connector, source_ref, run_id, published_at";
    private readonly Lock _gate = new();
    private readonly Dictionary<long, long> _newest = [];
    private long _pending;
    // Versions each unfinished run has staged, merged or not: a large run's last rows are merged like its first.
    private readonly Dictionary<long, long> _stagedByRun = [];

    /// <summary>Appends the batch's versions and subjects inside the commit's transaction.</summary>
    /// <returns>What to note with <see cref="Staged"/> once the transaction has committed.</returns>
    public List<(long Hash, long Seq)> Stage(DbConnection connection, DbTransaction transaction, BatchCommit batch, string now)
    {
        var staged = new List<(long, long)>(batch.Versions.Count);
        if (batch.Versions.Count == 0) return staged;
        // Staging is SQLite's alone: the rows go through statements prepared on the connection's handle.
        var sqlite = (Microsoft.Data.Sqlite.SqliteConnection)connection;
        using var insert = new SqliteRawStatement(sqlite,
            $"INSERT INTO staged_versions ({StagedColumns}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) RETURNING seq");
        using var subject = new SqliteRawStatement(sqlite, "INSERT INTO staged_subjects (citizen_id, doc_id, role) VALUES (?1, ?2, ?3)");
        foreach (var v in batch.Versions)
        {
            insert.Bind(1, v.DocumentId).Bind(2, v.Version).Bind(3, v.DocumentType).Bind(4, v.AgencyCode).Bind(5, v.ResultNumber).Bind(6, v.ContentHash)
                .Bind(7, v.Status).Bind(8, SqlCatalog.Day(v.IssueDate)).Bind(9, v.ValidUntil is { } u ? SqlCatalog.Day(u) : null).Bind(10, v.Method)
                .Bind(11, v.Connector).Bind(12, v.SourceRef).Bind(13, batch.RunId).Bind(14, now);
            staged.Add((Hash(v.DocumentId), insert.Execute() ?? throw new InvalidOperationException("staged_versions returned no sequence number")));
            foreach (var s in v.Subjects) subject.Bind(1, s.CitizenId).Bind(2, v.DocumentId).Bind(3, s.Role).Execute();
        }
        return staged;
    }

    /// <summary>Notes committed staged rows; true when enough wait that they should be merged now.</summary>
    public bool Staged(long runId, List<(long Hash, long Seq)> rows)
    {
        lock (_gate)
        {
            _stagedByRun[runId] = _stagedByRun.GetValueOrDefault(runId) + rows.Count;
            // Versions of one document only grow, so the newest row wins.
            foreach (var (hash, seq) in rows)
                if (!_newest.TryGetValue(hash, out var known) || known < seq) _newest[hash] = seq;
            _pending += rows.Count;
            return _pending >= MergeThreshold;
        }
    }

    /// <summary>
    /// Adds to <paramref name="found"/> the newest staged version of each id that has one, and returns the
    /// ids left to look up in the keyed table.
    /// </summary>
    public IReadOnlyCollection<string> Find(DbConnection connection, DbTransaction? transaction, IReadOnlyCollection<string> ids, Dictionary<string, CurrentVersion> found)
    {
        var seqs = new List<long>();
        var hinted = new HashSet<string>(StringComparer.Ordinal);
        lock (_gate)
        {
            if (_newest.Count == 0) return ids;
            foreach (var id in ids)
            {
                if (!_newest.TryGetValue(Hash(id), out var seq)) continue;
                seqs.Add(seq);
                hinted.Add(id);
            }
        }
        if (seqs.Count == 0) return ids;

        // Only rows of the ids asked for, and of each id its newest version.
        void Keep(string id, CurrentVersion version)
        {
            if (hinted.Contains(id) && (!found.TryGetValue(id, out var known) || known.Version < version.Version)) found[id] = version;
        }
        SqlCatalog.ReadVersions(connection, transaction, "staged_versions WHERE true", "seq", seqs, Keep);
        // A row not found by its number was merged meanwhile (by this process or another), or shares its
        // hash with another id: ask the staging table by id (a scan, rare, and of few rows after a merge).
        SqlCatalog.ReadVersions(connection, transaction, "staged_versions WHERE true", "doc_id", hinted.Where(id => !found.ContainsKey(id)).ToList(), Keep);
        return ids.Where(id => !found.ContainsKey(id)).ToList();
    }

    /// <summary>Whether rows wait that this process did not stage (left by a crashed run, or another process's).</summary>
    public bool HasForeignRows(DbConnection connection)
    {
        using var command = SqlCatalog.Command(connection, null, "SELECT COUNT(*) FROM staged_versions");
        var rows = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        lock (_gate) return rows > _pending;
    }

    /// <summary>
    /// At a run's end (and before a run, for a crashed run's rows): the staged rows join the recent level while the
    /// run (all of it, also what was merged while it ran) and the level stay within a <see cref="KeyedPerRecent"/>th
    /// of the keyed table, else everything is merged into them. One transaction.
    /// </summary>
    /// <param name="runId">The run that ends (its size counts, not only what of it still waits), or null for rows a crashed run left.</param>
    public void Settle(DbConnection connection, long? runId)
    {
        long runSize = 0;
        if (runId is { } id)
        {
            lock (_gate)
            {
                runSize = _stagedByRun.GetValueOrDefault(id);
                _stagedByRun.Remove(id);
            }
        }
        Merge(connection, mayStayRecent: true, runSize);
    }

    /// <summary>Moves every staged and recent row into the keyed tables, in key order, in one transaction.</summary>
    public void MergeAll(DbConnection connection) => Merge(connection, mayStayRecent: false, 0);

    private void Merge(DbConnection connection, bool mayStayRecent, long runSize)
    {
        long mergedTo;
        using (var transaction = connection.BeginTransaction())
        {
            long staged;
            using (var waiting = SqlCatalog.Command(connection, transaction, "SELECT COUNT(*), COALESCE(MAX(seq), 0) FROM staged_versions"))
            using (var reader = waiting.ExecuteReader())
            {
                reader.Read();
                (staged, mergedTo) = (reader.GetInt64(0), reader.GetInt64(1));
            }
            var recent = Scalar(connection, transaction, "SELECT COUNT(*) FROM recent_versions");
            if (staged > 0 || (recent > 0 && !mayStayRecent))
            {
                var keyed = KeyedCount(connection, transaction);
                if (mayStayRecent && (Math.Max(staged, runSize) + recent) * KeyedPerRecent <= keyed)
                {
                    MoveStaged(connection, transaction, staged, "recent_versions", "recent_subjects");
                }
                else
                {
                    // The recent rows first: a staged version supersedes them like any older one.
                    keyed += SqlCatalog.Execute(connection, transaction,
                        $"INSERT INTO document_versions ({CatalogSchemaSql.VersionColumns}) SELECT {CatalogSchemaSql.VersionColumns} FROM recent_versions " +
                        "WHERE true ORDER BY doc_id, version ON CONFLICT (doc_id, version) DO NOTHING");
                    SqlCatalog.Execute(connection, transaction,
                        "INSERT INTO subjects (citizen_id, doc_id, role) SELECT citizen_id, doc_id, role FROM recent_subjects WHERE true ORDER BY citizen_id, doc_id, role ON CONFLICT DO NOTHING;" +
                        "DELETE FROM recent_versions; DELETE FROM recent_subjects;");
                    keyed += MoveStaged(connection, transaction, staged, "document_versions", "subjects");
                    SetKeyedCount(connection, transaction, keyed);
                }
            }
            transaction.Commit();
        }
        Forget(mergedTo);
    }

    /// <summary>Moves the staged rows into one level's tables; returns the versions inserted.</summary>
    private static int MoveStaged(DbConnection connection, DbTransaction transaction, long staged, string versions, string subjects)
    {
        if (staged == 0) return 0;
        SqlCatalog.Execute(connection, transaction,
            "CREATE TEMP TABLE IF NOT EXISTS staged_newest (doc_id TEXT PRIMARY KEY, version INTEGER NOT NULL) WITHOUT ROWID; DELETE FROM temp.staged_newest;" +
            "INSERT INTO temp.staged_newest (doc_id, version) SELECT doc_id, MAX(version) FROM staged_versions GROUP BY doc_id;" +
            // The versions a staged one supersedes, in either level; only older ones, whatever else happened meanwhile.
            // In the keyed table these are the corrections' documents alone: a new document has no row there to update.
            Supersede("document_versions") + Supersede("recent_versions"));
        var inserted = SqlCatalog.Execute(connection, transaction,
            $"INSERT INTO {versions} ({StagedColumns}, is_current) SELECT s.doc_id, s.version, s.doc_type, s.agency_code, s.result_number, s.content_hash, s.status, " +
            "s.issue_date, s.valid_until, s.method, s.connector, s.source_ref, s.run_id, s.published_at, CASE WHEN s.version = n.version THEN 1 ELSE 0 END " +
            "FROM staged_versions s JOIN temp.staged_newest n ON n.doc_id = s.doc_id WHERE true ORDER BY s.doc_id, s.version ON CONFLICT (doc_id, version) DO NOTHING");
        SqlCatalog.Execute(connection, transaction,
            $"INSERT INTO {subjects} (citizen_id, doc_id, role) SELECT citizen_id, doc_id, role FROM staged_subjects WHERE true ORDER BY citizen_id, doc_id, role ON CONFLICT DO NOTHING;" +
            "DELETE FROM staged_versions; DELETE FROM staged_subjects; DROP TABLE temp.staged_newest;");
        return inserted;
    }

    private static string Supersede(string table) =>
        $"UPDATE {table} SET is_current = 0 WHERE is_current = 1 AND doc_id IN (SELECT doc_id FROM temp.staged_newest) " +
        $"AND version < (SELECT n.version FROM temp.staged_newest n WHERE n.doc_id = {table}.doc_id);";

    /// <summary>The keyed table's rows: counted once (a catalog from before the count was kept), then kept by the merges.</summary>
    private static long KeyedCount(DbConnection connection, DbTransaction transaction)
    {
        using (var command = SqlCatalog.Command(connection, transaction, "SELECT value FROM catalog_counts WHERE name = 'document_versions'"))
        {
            if (command.ExecuteScalar() is { } kept and not DBNull) return Convert.ToInt64(kept, CultureInfo.InvariantCulture);
        }
        var counted = Scalar(connection, transaction, "SELECT COUNT(*) FROM document_versions");
        SetKeyedCount(connection, transaction, counted);
        return counted;
    }

    /// <summary>Records how many rows <c>document_versions</c> holds (the merges, and a reindex that refills it).</summary>
    internal static void SetKeyedCount(DbConnection connection, DbTransaction transaction, long rows) =>
        SqlCatalog.Execute(connection, transaction,
            "INSERT INTO catalog_counts (name, value) VALUES ('document_versions', @n) ON CONFLICT (name) DO UPDATE SET value = excluded.value", ("@n", rows));

    private static long Scalar(DbConnection connection, DbTransaction transaction, string sql)
    {
        using var command = SqlCatalog.Command(connection, transaction, sql);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Drops what the map knows up to a row number: every staged row up to it is merged or discarded
    /// (the write lock serializes commits and merges, so none of this process's rows waits behind it).
    /// </summary>
    public void Forget(long upTo)
    {
        lock (_gate)
        {
            foreach (var (hash, seq) in _newest.ToList())
                if (seq <= upTo) _newest.Remove(hash);
            _pending = 0;
        }
    }

    /// <summary>FNV-1a over the id's characters: ids are hash-like already, so 64 bits spread them well.</summary>
    private static long Hash(string id)
    {
        var h = 14695981039346656037UL;
        foreach (var c in id)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        return unchecked((long)h);
    }
}
