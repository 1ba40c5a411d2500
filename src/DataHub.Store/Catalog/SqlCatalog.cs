using System.Data;
using System.Data.Common;
using System.Globalization;
using DataHub.Core.Documents;
using DataHub.Core.Ledger;
using Microsoft.Data.Sqlite;

namespace DataHub.Store.Catalog;

/// <summary>
/// The catalog over ADO.NET: SQLite embedded, PostgreSQL for clusters. Every method opens a pooled
/// connection of its own, so the API's concurrent lookups and a running sync do not share state. The
/// citizen lookup, the API's hot path, runs on SQLite through connections that keep it prepared
/// (<paramref name="connectUnpooled"/>: they are held open, outside the pool, so their settings never leak into it).
/// </summary>
public sealed class SqlCatalog(Func<DbConnection> connect, CatalogDialect dialect, Func<DbConnection>? connectUnpooled = null) : ICatalog, IDisposable
{
    private const string FindByCitizenColumns =
        "SELECT v.doc_id, v.version, v.is_current, v.doc_type, v.agency_code, v.result_number, v.content_hash, v.status, v.issue_date, v.valid_until, v.method, v.connector, v.source_ref, v.published_at, s.role ";
    private const string FindByCitizenFilter = " WHERE s.citizen_id = @ci AND (CAST(@t AS TEXT) IS NULL OR v.doc_type = @t) AND (@all = 1 OR v.is_current = 1)";

    // Both levels of subjects against both levels of versions (CatalogStaging): a recent correction of a keyed
    // document is found through the keyed subjects, and so on. A pair in both subject tables comes twice and is
    // dropped in FindByCitizen. When the recent level is empty, the last three parts are a probe of an empty tree.
    private const string FindByCitizenSql =
        FindByCitizenColumns + "FROM subjects s JOIN document_versions v ON v.doc_id = s.doc_id" + FindByCitizenFilter +
        " UNION ALL " + FindByCitizenColumns + "FROM subjects s JOIN recent_versions v ON v.doc_id = s.doc_id" + FindByCitizenFilter +
        " UNION ALL " + FindByCitizenColumns + "FROM recent_subjects s JOIN recent_versions v ON v.doc_id = s.doc_id" + FindByCitizenFilter +
        " UNION ALL " + FindByCitizenColumns + "FROM recent_subjects s JOIN document_versions v ON v.doc_id = s.doc_id" + FindByCitizenFilter;

    // PostgreSQL (clusters) has no recent level: its tables stay empty, and its lookup asks the keyed tables alone.
    private const string FindByCitizenKeyedSql =
        FindByCitizenColumns + "FROM subjects s JOIN document_versions v ON v.doc_id = s.doc_id" + FindByCitizenFilter;

    private readonly PreparedQueryPool? _findByCitizen = connectUnpooled is null ? null
        : new PreparedQueryPool(() => (SqliteConnection)OpenReader(connectUnpooled, dialect), FindByCitizenSql);

    public CatalogDialect Dialect => dialect;

    /// <summary>
    /// How old the catalog a citizen lookup sees may be (SQLite): reading a recent snapshot again instead of taking
    /// WAL locks for every lookup. Zero (the default): every lookup sees the latest commit. The API server sets it
    /// (<c>Api:LookupSnapshotMilliseconds</c>); writers keep the WAL bounded all the same (<see cref="WalBound"/>).
    /// </summary>
    public TimeSpan LookupSnapshotWindow
    {
        get => _findByCitizen?.SnapshotWindow ?? TimeSpan.Zero;
        set
        {
            if (_findByCitizen is not null) _findByCitizen.SnapshotWindow = value;
        }
    }

    /// <summary>The WAL size past which a commit checkpoints and empties it (SQLite; <see cref="WalBound"/>).</summary>
    public long WalLimitBytes { get; set; } = WalBound.MaxBytes;

    // SQLite only: PostgreSQL (clusters) keeps inserting into the keyed tables, which it does without the WAL rewrite.
    private readonly CatalogStaging? _staging = dialect == CatalogDialect.Sqlite ? new CatalogStaging() : null;

    public DbConnection Open()
    {
        var connection = connect();
        connection.Open();
        if (dialect == CatalogDialect.Sqlite)
        {
            // WAL lets lookups read while a sync writes; NORMAL sync is crash-safe in WAL mode (a power
            // loss can only drop the last commits, which the next run re-does idempotently). 8 MiB of page
            // cache holds every interior page of a million-document catalog; the leaves a sync touches are
            // random and come from the OS page cache anyway, and each pooled connection keeps its own cache.
            Execute(connection, null, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA cache_size=-8192;");
        }
        return connection;
    }

    private static DbConnection OpenReader(Func<DbConnection> connectUnpooled, CatalogDialect dialect)
    {
        var connection = connectUnpooled();
        connection.Open();
        if (dialect == CatalogDialect.Sqlite)
        {
            // query_only: a connection lent for lookups can never write. Memory-mapped reads share the operating
            // system's page cache between all of them instead of each copying pages into a cache of its own.
            Execute(connection, null, "PRAGMA busy_timeout=30000; PRAGMA query_only=1; PRAGMA mmap_size=1073741824; PRAGMA cache_size=-8192;");
        }
        return connection;
    }

    public void EnsureCreated() => EnsureSchema(CatalogSchemaSql.Create(dialect));

    /// <summary>Creates tables that do not exist yet (idempotent <c>CREATE … IF NOT EXISTS</c> statements).</summary>
    public void EnsureSchema(string schemaSql)
    {
        using var connection = Open();
        // Several cluster nodes start at once against one PostgreSQL; CREATE TABLE IF NOT EXISTS is not
        // race-free there, so the dialect serializes the creation (a no-op on SQLite's single file).
        using var transaction = connection.BeginTransaction();
        if (dialect.SchemaLockSql.Length > 0) Execute(connection, transaction, dialect.SchemaLockSql);
        Execute(connection, transaction, schemaSql);
        transaction.Commit();
    }

    public long StartRun(string connector, string trigger, string? node)
    {
        using var connection = Open();
        // A crashed run's committed batches wait staged; moved first, so this run decides against them.
        if (_staging is not null && _staging.HasForeignRows(connection)) _staging.Settle(connection, null);
        var now = Now();
        using var command = Command(connection, null,
            "INSERT INTO runs (connector, trigger_kind, node, started_at, last_progress_at, status) VALUES (@c, @t, @n, @s, @s, 'running') RETURNING run_id",
            ("@c", connector), ("@t", trigger), ("@n", node), ("@s", now));
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void FinishRun(long runId, string status, string? error)
    {
        using var connection = Open();
        try
        {
            // Whatever the outcome, the run's committed batches become visible to lookups now. If the move
            // fails (a full disk), they stay staged, durable, and the next run moves them first.
            _staging?.Settle(connection, runId);
            if (connection is SqliteConnection written) WalBound.Keep(written, WalLimitBytes);
        }
        finally
        {
            var now = Now();
            Execute(connection, null, "UPDATE runs SET status = @st, error = @e, finished_at = @f, last_progress_at = @f WHERE run_id = @r",
                ("@st", status), ("@e", error), ("@f", now), ("@r", runId));
        }
    }

    public IReadOnlyList<RunRecord> ListRuns(string? connector, int limit)
    {
        using var connection = Open();
        using var command = Command(connection, null,
            "SELECT run_id, connector, trigger_kind, started_at, finished_at, status, pulled, published, unchanged, quarantined, pending_review, error, last_progress_at, node " +
            "FROM runs WHERE (CAST(@c AS TEXT) IS NULL OR connector = @c) ORDER BY run_id DESC LIMIT @l", ("@c", connector), ("@l", limit));
        return ReadRuns(command);
    }

    public IReadOnlySet<long> RunsOfPass(string connector, long runId)
    {
        using var connection = Open();
        using var command = Command(connection, null,
            "SELECT run_id FROM runs WHERE connector = @c AND run_id <= @r AND run_id > " +
            "COALESCE((SELECT MAX(run_id) FROM runs WHERE connector = @c AND run_id < @r AND status = 'succeeded'), 0)",
            ("@c", connector), ("@r", runId));
        using var reader = command.ExecuteReader();
        var runs = new HashSet<long> { runId };
        while (reader.Read()) runs.Add(reader.GetInt64(0));
        return runs;
    }

    public IReadOnlyList<RunRecord> MarkStuckRuns(DateTimeOffset noProgressSince, string status, string error)
    {
        using var connection = Open();
        using var command = Command(connection, null,
            "UPDATE runs SET status = @st, error = @e, finished_at = @f WHERE status = 'running' AND last_progress_at < @cut " +
            "RETURNING run_id, connector, trigger_kind, started_at, finished_at, status, pulled, published, unchanged, quarantined, pending_review, error, last_progress_at, node",
            ("@st", status), ("@e", error), ("@f", Now()), ("@cut", Stamp(noProgressSince)));
        return ReadRuns(command);
    }

    private static List<RunRecord> ReadRuns(DbCommand command)
    {
        using var reader = command.ExecuteReader();
        var runs = new List<RunRecord>();
        while (reader.Read())
        {
            runs.Add(new RunRecord(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), Time(reader.GetString(3)),
                reader.IsDBNull(4) ? null : Time(reader.GetString(4)), reader.GetString(5),
                new RunCounts(reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9), reader.GetInt64(10)),
                reader.IsDBNull(11) ? null : reader.GetString(11), Time(reader.GetString(12)), reader.IsDBNull(13) ? null : reader.GetString(13)));
        }
        return runs;
    }

    public string? GetCheckpoint(string connector)
    {
        using var connection = Open();
        using var command = Command(connection, null, "SELECT checkpoint FROM checkpoints WHERE connector = @c", ("@c", connector));
        return command.ExecuteScalar() as string;
    }

    public IReadOnlyDictionary<string, CurrentVersion> FindCurrent(IReadOnlyCollection<string> documentIds)
    {
        var found = new Dictionary<string, CurrentVersion>(StringComparer.Ordinal);
        if (documentIds.Count == 0) return found;
        using var connection = Open();
        if (_staging is null)
        {
            ReadVersions(connection, null, "document_versions WHERE is_current = 1", "doc_id", documentIds.ToList(), (id, version) => found[id] = version);
            return found;
        }
        // One snapshot for every level: a move into the recent level by another process commits its rows there and
        // the superseded keyed rows' is_current = 0 together, and two reads on either side of it would find neither.
        using var snapshot = ((SqliteConnection)connection).BeginTransaction(deferred: true);
        documentIds = _staging.Find(connection, snapshot, documentIds, found);
        // A document's current version is in one level only: the keyed rows a recent version supersedes say so.
        void Found(string id, CurrentVersion version) => found[id] = version;
        var ids = documentIds.ToList();
        ReadVersions(connection, snapshot, "recent_versions WHERE is_current = 1", "doc_id", ids, Found);
        ReadVersions(connection, snapshot, "document_versions WHERE is_current = 1", "doc_id", ids.Where(id => !found.ContainsKey(id)).ToList(), Found);
        snapshot.Commit();
        return found;
    }

    /// <summary>Keys per lookup statement: well under SQLite's 32,766 host parameters and PostgreSQL's 65,535.</summary>
    private const int InListSlice = 500;

    /// <summary>
    /// Reads the (doc_id, version, content_hash, run_id, source_ref) rows of <paramref name="filteredTable"/>
    /// (a table and a WHERE condition) whose <paramref name="column"/> is one of <paramref name="keys"/>: one
    /// statement per slice of keys instead of one per key, since a sync batch asks for thousands at once.
    /// </summary>
    internal static void ReadVersions<T>(DbConnection connection, DbTransaction? transaction, string filteredTable, string column, IReadOnlyList<T> keys,
        Action<string, CurrentVersion> row)
    {
        for (var start = 0; start < keys.Count; start += InListSlice)
        {
            var parameters = new (string Name, object? Value)[Math.Min(InListSlice, keys.Count - start)];
            for (var i = 0; i < parameters.Length; i++) parameters[i] = ("@k" + i.ToString(CultureInfo.InvariantCulture), keys[start + i]);
            using var command = Command(connection, transaction,
                $"SELECT doc_id, version, content_hash, run_id, source_ref FROM {filteredTable} AND {column} IN ({string.Join(", ", parameters.Select(p => p.Name))})",
                parameters);
            using var reader = command.ExecuteReader();
            while (reader.Read())
                row(reader.GetString(0), new CurrentVersion(reader.GetInt32(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4)));
        }
    }

    public void CommitBatch(BatchCommit batch)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var now = Now();

        var staged = _staging?.Stage(connection, transaction, batch, now);
        if (_staging is null && batch.Versions.Count > 0)
        {
            using var supersede = Command(connection, transaction,
                "UPDATE document_versions SET is_current = 0 WHERE doc_id = @d AND is_current = 1 AND version <> @v", ("@d", ""), ("@v", 0));
            using var insert = Command(connection, transaction,
                "INSERT INTO document_versions (doc_id, version, is_current, doc_type, agency_code, result_number, content_hash, status, issue_date, valid_until, method, connector, source_ref, run_id, published_at) " +
                "VALUES (@d, @v, 1, @t, @a, @n, @h, @s, @i, @u, @m, @c, @r, @run, @p) ON CONFLICT (doc_id, version) DO NOTHING",
                ("@d", ""), ("@v", 0), ("@t", ""), ("@a", ""), ("@n", ""), ("@h", ""), ("@s", ""), ("@i", ""), ("@u", null), ("@m", ""), ("@c", ""), ("@r", ""), ("@run", 0L), ("@p", now));
            using var subject = Command(connection, transaction,
                "INSERT INTO subjects (citizen_id, doc_id, role) VALUES (@ci, @d, @ro) ON CONFLICT DO NOTHING", ("@ci", ""), ("@d", ""), ("@ro", ""));
            foreach (var v in batch.Versions)
            {
                if (v.Version > 1) Set(supersede, v.DocumentId, v.Version).ExecuteNonQuery();
                Set(insert, v.DocumentId, v.Version, v.DocumentType, v.AgencyCode, v.ResultNumber, v.ContentHash, v.Status, Day(v.IssueDate),
                    v.ValidUntil is { } u ? Day(u) : null, v.Method, v.Connector, v.SourceRef, batch.RunId, now).ExecuteNonQuery();
                foreach (var s in v.Subjects) Set(subject, s.CitizenId, v.DocumentId, s.Role).ExecuteNonQuery();
            }
        }

        if (batch.Ledger.Count > 0)
        {
            const string ledgerSql =
                "INSERT INTO ledger (connector, source_ref, state, reason_code, reason, doc_id, version, doc_type, agency_code, agency_level, procedure_field, settled_on, method, result_number, run_id, updated_at) " +
                "VALUES (@c, @r, @st, @rc, @re, @d, @v, @t, @a, @l, @f, @so, @m, @n, @run, @u) " +
                "ON CONFLICT (connector, source_ref) DO UPDATE SET state = excluded.state, reason_code = excluded.reason_code, reason = excluded.reason, doc_id = excluded.doc_id, " +
                "version = excluded.version, doc_type = excluded.doc_type, agency_code = excluded.agency_code, agency_level = excluded.agency_level, procedure_field = excluded.procedure_field, " +
                "settled_on = excluded.settled_on, method = excluded.method, result_number = excluded.result_number, run_id = excluded.run_id, updated_at = excluded.updated_at";
            // One row per source record. On SQLite through a statement on the handle, not an ADO.NET execution per
            // row (SqliteRawStatement; SQLite numbers the named parameters in order of appearance, 1 to 16 here).
            using var direct = connection is Microsoft.Data.Sqlite.SqliteConnection sqlite ? new SqliteRawStatement(sqlite, ledgerSql) : null;
            using var ledger = direct is not null ? null : Command(connection, transaction, ledgerSql,
                ("@c", ""), ("@r", ""), ("@st", ""), ("@rc", null), ("@re", null), ("@d", null), ("@v", null), ("@t", null), ("@a", null), ("@l", null), ("@f", null), ("@so", null),
                ("@m", ""), ("@n", null), ("@run", 0L), ("@u", now));
            foreach (var e in batch.Ledger)
            {
                var code = e.State is LedgerState.Quarantined or LedgerState.PendingReview ? ReasonCodes.Classify(e.Reason) : null;
                var settled = e.SettledOn is { } d ? Day(d) : null;
                if (direct is not null)
                    direct.Bind(1, e.Connector).Bind(2, e.SourceRef).Bind(3, e.State.ToName()).Bind(4, code).Bind(5, e.Reason).Bind(6, e.DocumentId).Bind(7, e.Version)
                        .Bind(8, e.DocumentType).Bind(9, e.AgencyCode).Bind(10, e.AgencyLevel).Bind(11, e.ProcedureField).Bind(12, settled)
                        .Bind(13, e.Method).Bind(14, e.ResultNumber).Bind(15, batch.RunId).Bind(16, now).Execute();
                else
                    Set(ledger!, e.Connector, e.SourceRef, e.State.ToName(), code, e.Reason, e.DocumentId, e.Version, e.DocumentType, e.AgencyCode, e.AgencyLevel,
                        e.ProcedureField, settled, e.Method, e.ResultNumber, batch.RunId, now).ExecuteNonQuery();
            }
        }

        if (batch.Reviews.Count > 0)
        {
            using var review = Command(connection, transaction,
                "INSERT INTO review_items (connector, source_ref, doc_type, reason, candidate_json, raw_json, image_path, ocr_text, status, sampled, created_at) " +
                "VALUES (@c, @r, @t, @re, @cj, @rj, @ip, @ot, 'pending', @sa, @cr) " +
                "ON CONFLICT (connector, source_ref) DO UPDATE SET doc_type = excluded.doc_type, reason = excluded.reason, candidate_json = excluded.candidate_json, raw_json = excluded.raw_json, " +
                "image_path = excluded.image_path, ocr_text = excluded.ocr_text, sampled = excluded.sampled, status = 'pending', decided_at = NULL, decided_by = NULL",
                ("@c", ""), ("@r", ""), ("@t", null), ("@re", ""), ("@cj", null), ("@rj", null), ("@ip", null), ("@ot", null), ("@sa", 0), ("@cr", now));
            foreach (var r in batch.Reviews)
                Set(review, r.Connector, r.SourceRef, r.DocumentType, r.Reason, r.CandidateJson, r.RawJson, r.ImagePath, r.OcrText, r.Sampled ? 1 : 0, now).ExecuteNonQuery();
        }

        if (batch.Checkpoint is not null)
        {
            Execute(connection, transaction,
                "INSERT INTO checkpoints (connector, checkpoint, updated_at) VALUES (@c, @k, @u) ON CONFLICT (connector) DO UPDATE SET checkpoint = excluded.checkpoint, updated_at = excluded.updated_at",
                ("@c", batch.Connector), ("@k", batch.Checkpoint), ("@u", now));
        }

        var c = batch.Counts;
        Execute(connection, transaction,
            "UPDATE runs SET pulled = pulled + @p, published = published + @pb, unchanged = unchanged + @un, quarantined = quarantined + @q, pending_review = pending_review + @pr, last_progress_at = @u WHERE run_id = @r",
            ("@p", c.Pulled), ("@pb", c.Published), ("@un", c.Unchanged), ("@q", c.Quarantined), ("@pr", c.PendingReview), ("@u", now), ("@r", batch.RunId));
        transaction.Commit();
        if (staged is not null && _staging!.Staged(batch.RunId, staged)) _staging.MergeAll(connection);
        if (connection is SqliteConnection written) WalBound.Keep(written, WalLimitBytes);
    }

    public IReadOnlyList<CatalogDocument> FindByCitizen(string citizenId, string? documentType, bool includeSuperseded)
    {
        List<CatalogDocument> documents;
        if (_findByCitizen is not null)
        {
            documents = _findByCitizen.Run(s =>
            {
                // @ci, @t (both uses are one parameter), @all: numbered as they first appear.
                s.Bind(1, citizenId).Bind(2, documentType).Bind(3, includeSuperseded ? 1 : 0);
                var found = new List<CatalogDocument>();
                while (s.Step()) found.Add(Document(new StatementRow(s)));
                return found;
            });
        }
        else
        {
            using var connection = Open();
            using var command = Command(connection, null, dialect == CatalogDialect.Sqlite ? FindByCitizenSql : FindByCitizenKeyedSql, ("@ci", citizenId), ("@t", documentType), ("@all", includeSuperseded ? 1 : 0));
            documents = ReadDocuments(command);
        }
        // Sorted here, not by the query: a citizen has a handful of documents, and SQLite's sorter for them cost
        // a tenth of the lookup's search (bench/RESULTS.md, eleventh session).
        documents.Sort(NewestFirst);
        // A pair listed in both levels of subjects: one row (the order puts the two side by side).
        for (var i = documents.Count - 1; i > 0; i--)
        {
            if (NewestFirst(documents[i], documents[i - 1]) == 0) documents.RemoveAt(i);
        }
        return documents;
    }

    // Newest issue first, then by id (ordinal, as SQLite compares text), then newest version first, then by role.
    private static int NewestFirst(CatalogDocument a, CatalogDocument b)
    {
        var byDate = b.IssueDate.CompareTo(a.IssueDate);
        if (byDate != 0) return byDate;
        var byId = string.CompareOrdinal(a.DocumentId, b.DocumentId);
        if (byId != 0) return byId;
        var byVersion = b.Version.CompareTo(a.Version);
        // A citizen in two roles on one document: two rows, in a fixed order.
        return byVersion != 0 ? byVersion : string.CompareOrdinal(a.Role, b.Role);
    }

    public void Dispose() => _findByCitizen?.Dispose();

    public IReadOnlyList<CatalogDocument> GetVersions(DocumentId id)
    {
        using var connection = Open();
        using var command = Command(connection, null,
            "SELECT doc_id, version, is_current, doc_type, agency_code, result_number, content_hash, status, issue_date, valid_until, method, connector, source_ref, published_at, NULL " +
            "FROM all_document_versions WHERE doc_id = @d ORDER BY version DESC", ("@d", id.Value));
        return ReadDocuments(command);
    }

    private static List<CatalogDocument> ReadDocuments(DbCommand command)
    {
        using var reader = command.ExecuteReader();
        var documents = new List<CatalogDocument>();
        while (reader.Read()) documents.Add(Document(new DataReaderRow(reader)));
        return documents;
    }

    /// <summary>A row of <c>doc_id, version, is_current, doc_type, agency_code, result_number, content_hash, status, issue_date, valid_until, method, connector, source_ref, published_at, role</c>.</summary>
    private static CatalogDocument Document<TRow>(TRow row) where TRow : ICatalogRow =>
        new(row.Text(0), (int)row.Int64(1), row.Int64(2) == 1, row.Text(3), row.Text(4), row.Text(5), row.Text(6), row.Text(7), ParseDay(row.Text(8)),
            row.IsNull(9) ? null : ParseDay(row.Text(9)), row.Text(10), row.Text(11), row.Text(12), Time(row.Text(13)), row.IsNull(14) ? null : row.Text(14));

    /// <summary>
    /// One row per settled result: the rows of one result (same document id, or the same source record
    /// when no id could be derived) collapse to its best state — digitized if any delivery was published.
    /// </summary>
    private const string ResultsCte = """
        WITH results AS (
            SELECT COALESCE(doc_id, connector || '|' || source_ref) AS result_key,
                   MAX(doc_type) AS doc_type, MAX(agency_code) AS agency_code, MAX(agency_level) AS agency_level,
                   MAX(procedure_field) AS procedure_field, MIN(settled_on) AS settled_on,
                   MAX(CASE WHEN state IN ('published', 'unchanged') THEN 1 ELSE 0 END) AS digitized,
                   MAX(CASE WHEN state = 'pending-review' THEN 1 ELSE 0 END) AS pending,
                   MAX(CASE WHEN state IN ('published', 'unchanged') AND method <> 'native' THEN 1 ELSE 0 END) AS by_ocr
            FROM ledger GROUP BY COALESCE(doc_id, connector || '|' || source_ref))
        """;

    // PostgreSQL cannot infer the type of a parameter that is only tested for NULL: the casts say it (and are no-ops on SQLite).
    private const string PeriodFilter = "((CAST(@from AS TEXT) IS NULL OR settled_on >= @from) AND (CAST(@to AS TEXT) IS NULL OR settled_on <= @to))";

    // NULLS FIRST: SQLite's default, PostgreSQL's opposite; spelled out so both list "(unknown)" first.
    public IReadOnlyList<ReportRow> Report(ReportQuery query)
    {
        var group = GroupExpression(query.By);
        using var connection = Open();
        using var command = Command(connection, null,
            ResultsCte + $" SELECT {group} AS g, COUNT(*), SUM(digitized), SUM(CASE WHEN digitized = 0 AND pending = 1 THEN 1 ELSE 0 END), " +
            $"SUM(CASE WHEN digitized = 0 AND pending = 0 THEN 1 ELSE 0 END), SUM(by_ocr) FROM results WHERE {PeriodFilter} GROUP BY {group} ORDER BY 1 NULLS FIRST",
            Period(query));
        using var reader = command.ExecuteReader();
        var rows = new List<ReportRow>();
        while (reader.Read())
            rows.Add(new ReportRow(reader.IsDBNull(0) ? "(unknown)" : reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5)));
        return rows;
    }

    public IReadOnlyList<ReasonCount> ReasonCounts(ReportQuery query)
    {
        using var connection = Open();
        using var command = Command(connection, null,
            ResultsCte + ", gaps AS (SELECT r.result_key, l.state, l.reason_code FROM results r JOIN ledger l ON COALESCE(l.doc_id, l.connector || '|' || l.source_ref) = r.result_key " +
            $"WHERE r.digitized = 0 AND {PeriodFilter.Replace("settled_on", "r.settled_on")} AND (r.pending = 0 OR l.state = 'pending-review')) " +
            "SELECT state, reason_code, COUNT(DISTINCT result_key) FROM gaps GROUP BY state, reason_code ORDER BY 3 DESC, 1, 2 NULLS FIRST",
            Period(query));
        using var reader = command.ExecuteReader();
        var rows = new List<ReasonCount>();
        while (reader.Read()) rows.Add(new ReasonCount(reader.GetString(0), reader.IsDBNull(1) ? "other" : reader.GetString(1), reader.GetInt64(2)));
        return rows;
    }

    public IReadOnlyList<LedgerStateCount> LedgerStates(ReportQuery query)
    {
        using var connection = Open();
        using var command = Command(connection, null, $"SELECT state, COUNT(*) FROM ledger WHERE {PeriodFilter} GROUP BY state ORDER BY state", Period(query));
        using var reader = command.ExecuteReader();
        var rows = new List<LedgerStateCount>();
        while (reader.Read()) rows.Add(new LedgerStateCount(reader.GetString(0), reader.GetInt64(1)));
        return rows;
    }

    public IReadOnlyList<LedgerRow> LedgerRows(string? state, string? reasonCode, string? group, ReportQuery query, int limit)
    {
        var groupExpression = GroupExpression(query.By);
        using var connection = Open();
        using var command = Command(connection, null,
            "SELECT connector, source_ref, state, reason_code, reason, doc_id, version, doc_type, agency_code, agency_level, procedure_field, settled_on, method, result_number, run_id " +
            $"FROM ledger WHERE (CAST(@st AS TEXT) IS NULL OR state = @st) AND (CAST(@rc AS TEXT) IS NULL OR reason_code = @rc) AND (CAST(@g AS TEXT) IS NULL OR {groupExpression} = @g) AND {PeriodFilter} " +
            "ORDER BY connector, source_ref LIMIT @l",
            [("@st", state), ("@rc", reasonCode), ("@g", group), .. Period(query), ("@l", limit)]);
        using var reader = command.ExecuteReader();
        var rows = new List<LedgerRow>();
        while (reader.Read())
        {
            rows.Add(new LedgerRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), Str(reader, 3), Str(reader, 4), Str(reader, 5),
                reader.IsDBNull(6) ? null : reader.GetInt32(6), Str(reader, 7), Str(reader, 8), Str(reader, 9), Str(reader, 10),
                reader.IsDBNull(11) ? null : ParseDay(reader.GetString(11)), reader.GetString(12), Str(reader, 13), reader.GetInt64(14)));
        }
        return rows;
    }

    public IReadOnlyList<ReviewItem> ListReviews(string status, int limit)
    {
        using var connection = Open();
        using var command = Command(connection, null,
            "SELECT connector, source_ref, doc_type, reason, candidate_json, raw_json, image_path, ocr_text, status, created_at, sampled FROM review_items " +
            "WHERE (@s = 'all' OR status = @s) ORDER BY created_at, connector, source_ref LIMIT @l", ("@s", status), ("@l", limit));
        return ReadReviews(command);
    }

    public ReviewItem? GetReview(string connector, string sourceRef)
    {
        using var connection = Open();
        using var command = Command(connection, null,
            "SELECT connector, source_ref, doc_type, reason, candidate_json, raw_json, image_path, ocr_text, status, created_at, sampled FROM review_items " +
            "WHERE connector = @c AND source_ref = @r", ("@c", connector), ("@r", sourceRef));
        return ReadReviews(command).SingleOrDefault();
    }

    public void DecideReview(string connector, string sourceRef, string status, string decidedBy)
    {
        using var connection = Open();
        Execute(connection, null, "UPDATE review_items SET status = @s, decided_at = @d, decided_by = @b WHERE connector = @c AND source_ref = @r",
            ("@s", status), ("@d", Now()), ("@b", decidedBy), ("@c", connector), ("@r", sourceRef));
    }

    public void ApproveReview(string connector, string sourceRef, string decidedBy, int fieldsChecked, int fieldsCorrected, double? machineConfidence)
    {
        using var connection = Open();
        Execute(connection, null,
            "UPDATE review_items SET status = 'approved', decided_at = @d, decided_by = @b, fields_checked = @fc, fields_corrected = @fx, machine_confidence = @mc WHERE connector = @c AND source_ref = @r",
            ("@d", Now()), ("@b", decidedBy), ("@fc", fieldsChecked), ("@fx", fieldsCorrected), ("@mc", machineConfidence), ("@c", connector), ("@r", sourceRef));
    }

    public void RejectReview(string connector, string sourceRef, string decidedBy, string reason)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var now = Now();
        Execute(connection, transaction, "UPDATE review_items SET status = 'rejected', decided_at = @d, decided_by = @b WHERE connector = @c AND source_ref = @r",
            ("@d", now), ("@b", decidedBy), ("@c", connector), ("@r", sourceRef));
        Execute(connection, transaction,
            "UPDATE ledger SET state = 'quarantined', reason_code = 'rejected-in-review', reason = @re, updated_at = @d WHERE connector = @c AND source_ref = @r",
            ("@re", $"rejected in review by {decidedBy}: {reason}"), ("@d", now), ("@c", connector), ("@r", sourceRef));
        transaction.Commit();
    }

    public void ReplaceDocumentIndex(IReadOnlyList<RebuiltDocument> documents)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var now = Now();
        Execute(connection, transaction, "DELETE FROM subjects");
        Execute(connection, transaction, "DELETE FROM document_versions");
        Execute(connection, transaction, "DELETE FROM staged_subjects");
        Execute(connection, transaction, "DELETE FROM staged_versions");
        Execute(connection, transaction, "DELETE FROM recent_subjects");
        Execute(connection, transaction, "DELETE FROM recent_versions");
        using var insert = Command(connection, transaction,
            "INSERT INTO document_versions (doc_id, version, is_current, doc_type, agency_code, result_number, content_hash, status, issue_date, valid_until, method, connector, source_ref, run_id, published_at) " +
            "VALUES (@d, @v, @cur, @t, @a, @n, @h, @s, @i, @u, @m, @c, @r, 0, @p)",
            ("@d", ""), ("@v", 0), ("@cur", 0), ("@t", ""), ("@a", ""), ("@n", ""), ("@h", ""), ("@s", ""), ("@i", ""), ("@u", null), ("@m", ""), ("@c", ""), ("@r", ""), ("@p", now));
        using var subject = Command(connection, transaction, "INSERT INTO subjects (citizen_id, doc_id, role) VALUES (@ci, @d, @ro) ON CONFLICT DO NOTHING", ("@ci", ""), ("@d", ""), ("@ro", ""));
        using var ledger = Command(connection, transaction,
            "INSERT INTO ledger (connector, source_ref, state, doc_id, version, doc_type, agency_code, agency_level, procedure_field, settled_on, method, result_number, run_id, updated_at) " +
            "VALUES (@c, @r, 'published', @d, @v, @t, @a, @l, @f, @so, @m, @n, 0, @u) ON CONFLICT (connector, source_ref) DO NOTHING",
            ("@c", ""), ("@r", ""), ("@d", ""), ("@v", 0), ("@t", ""), ("@a", ""), ("@l", null), ("@f", null), ("@so", null), ("@m", ""), ("@n", ""), ("@u", now));
        foreach (var doc in documents)
        {
            var v = doc.Version;
            Set(insert, v.DocumentId, v.Version, doc.IsCurrent ? 1 : 0, v.DocumentType, v.AgencyCode, v.ResultNumber, v.ContentHash, v.Status, Day(v.IssueDate),
                v.ValidUntil is { } u ? Day(u) : null, v.Method, v.Connector, v.SourceRef, now).ExecuteNonQuery();
            foreach (var s in v.Subjects) Set(subject, s.CitizenId, v.DocumentId, s.Role).ExecuteNonQuery();
            Set(ledger, v.Connector, v.SourceRef, v.DocumentId, v.Version, v.DocumentType, v.AgencyCode, doc.AgencyLevel, doc.ProcedureField, Day(v.IssueDate), v.Method, v.ResultNumber, now).ExecuteNonQuery();
        }
        // The keyed rows the recent level is measured against (CatalogStaging).
        CatalogStaging.SetKeyedCount(connection, transaction, documents.Count);
        transaction.Commit();
        _staging?.Forget(long.MaxValue);
    }

    public IReadOnlyList<string> DocumentIndexFingerprint()
    {
        using var connection = Open();
        using var command = Command(connection, null,
            "SELECT doc_id || ' v' || version || ' ' || content_hash || ' ' || doc_type || ' ' || status || ' ' || connector || ' ' || source_ref || (CASE WHEN is_current = 1 THEN ' current' ELSE '' END) FROM all_document_versions ORDER BY 1");
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(reader.GetString(0));
        return rows;
    }

    public OcrAccuracy MeasuredOcrAccuracy()
    {
        using var connection = Open();
        using var command = Command(connection, null,
            "SELECT COUNT(*), COALESCE(SUM(fields_checked), 0), COALESCE(SUM(fields_corrected), 0), AVG(machine_confidence) FROM review_items WHERE sampled = 1 AND status = 'approved'");
        using var reader = command.ExecuteReader();
        reader.Read();
        return new OcrAccuracy(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetDouble(3));
    }

    private static List<ReviewItem> ReadReviews(DbCommand command)
    {
        using var reader = command.ExecuteReader();
        var items = new List<ReviewItem>();
        while (reader.Read())
        {
            items.Add(new ReviewItem(reader.GetString(0), reader.GetString(1), Str(reader, 2), reader.GetString(3), Str(reader, 4), Str(reader, 5), Str(reader, 6), Str(reader, 7),
                reader.GetString(8), Time(reader.GetString(9)), Convert.ToInt64(reader.GetValue(10), CultureInfo.InvariantCulture) == 1));
        }
        return items;
    }

    private static string GroupExpression(ReportGrouping by) => by switch
    {
        ReportGrouping.Agency => "agency_code",
        ReportGrouping.Type => "doc_type",
        ReportGrouping.Field => "procedure_field",
        ReportGrouping.Level => "agency_level",
        ReportGrouping.Month => "SUBSTR(settled_on, 1, 7)",
        ReportGrouping.Year => "SUBSTR(settled_on, 1, 4)",
        _ => throw new ArgumentOutOfRangeException(nameof(by)),
    };

    private static (string, object?)[] Period(ReportQuery q) => [("@from", q.From is { } f ? Day(f) : null), ("@to", q.To is { } t ? Day(t) : null)];

    private static string? Str(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private static string Now() => Stamp(DateTimeOffset.UtcNow);

    private static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    // Every lookup parses its rows' stamps: the catalog's own spelling (Stamp) read directly, anything else parsed in full.
    private static DateTimeOffset Time(string s) =>
        s.Length == 24 && s[4] == '-' && s[7] == '-' && s[10] == 'T' && s[13] == ':' && s[16] == ':' && s[19] == '.' && s[23] == 'Z'
            && TryDigits(s, 0, 4, out var y) && TryDigits(s, 5, 2, out var mo) && TryDigits(s, 8, 2, out var d) && TryDigits(s, 11, 2, out var h)
            && TryDigits(s, 14, 2, out var mi) && TryDigits(s, 17, 2, out var sec) && TryDigits(s, 20, 3, out var ms)
            && y >= 1 && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) && h < 24 && mi < 60 && sec < 60
            ? new DateTimeOffset(y, mo, d, h, mi, sec, ms, TimeSpan.Zero)
            : DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    internal static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDay(string s) =>
        s.Length == 10 && s[4] == '-' && s[7] == '-' && TryDigits(s, 0, 4, out var y) && TryDigits(s, 5, 2, out var m) && TryDigits(s, 8, 2, out var d)
            && y >= 1 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d)
            : DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool TryDigits(string s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = s[i] - '0';
            if ((uint)digit > 9) return false;
            value = value * 10 + digit;
        }
        return true;
    }

    internal static DbCommand Set(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        return command;
    }

    internal static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        return command;
    }

    internal static int Execute(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }
}
