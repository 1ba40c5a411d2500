namespace DataHub.Store.Catalog;

/// <summary>
/// The catalog tables. Written in the SQL that SQLite and PostgreSQL share; the dialect supplies the
/// few words that differ (auto-increment keys, text types). The access log's tables are
/// <see cref="Audit.AccessLogSchemaSql"/>: in the same database on PostgreSQL, a file of their own on SQLite.
/// </summary>
public static class CatalogSchemaSql
{
    // What a version row says about its document, in the keyed table and in the staging table alike.
    private const string VersionFields = """
            doc_type TEXT NOT NULL,
            agency_code TEXT NOT NULL,
            result_number TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            status TEXT NOT NULL,
            issue_date TEXT NOT NULL,
            valid_until TEXT,
            method TEXT NOT NULL,
            connector TEXT NOT NULL,
            source_ref TEXT NOT NULL,
            run_id BIGINT NOT NULL,
            published_at TEXT NOT NULL
        """;

    /// <summary>Every column of a version row, in table order.</summary>
    public const string VersionColumns =
        "doc_id, version, is_current, doc_type, agency_code, result_number, content_hash, status, issue_date, valid_until, method, connector, source_ref, run_id, published_at";

    // The keyed tables and the recent level share their shape (Store/Catalog/CatalogStaging.cs).
    private static string VersionsTable(string name, CatalogDialect d) => $"""
        CREATE TABLE IF NOT EXISTS {name} (
            doc_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            is_current INTEGER NOT NULL,
            {VersionFields},
            PRIMARY KEY (doc_id, version)){d.WithoutRowId};
        """;

    private static string SubjectsTable(string name, CatalogDialect d) => $"""
        CREATE TABLE IF NOT EXISTS {name} (
            citizen_id TEXT NOT NULL,
            doc_id TEXT NOT NULL,
            role TEXT NOT NULL,
            PRIMARY KEY (citizen_id, doc_id, role)){d.WithoutRowId};
        """;

    public static string Create(CatalogDialect d) => $"""
        CREATE TABLE IF NOT EXISTS runs (
            run_id {d.AutoIncrementKey},
            connector TEXT NOT NULL,
            trigger_kind TEXT NOT NULL,
            node TEXT,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            last_progress_at TEXT NOT NULL,
            status TEXT NOT NULL,
            error TEXT,
            pulled BIGINT NOT NULL DEFAULT 0,
            published BIGINT NOT NULL DEFAULT 0,
            unchanged BIGINT NOT NULL DEFAULT 0,
            quarantined BIGINT NOT NULL DEFAULT 0,
            pending_review BIGINT NOT NULL DEFAULT 0);
        CREATE INDEX IF NOT EXISTS runs_connector ON runs (connector, run_id);

        CREATE TABLE IF NOT EXISTS checkpoints (
            connector TEXT PRIMARY KEY,
            checkpoint TEXT,
            updated_at TEXT NOT NULL);

        {VersionsTable("document_versions", d)}

        {SubjectsTable("subjects", d)}

        -- A sync's versions and subjects on SQLite, appended in arrival order until merged into the two
        -- tables above in key order when the run ends (Store/Catalog/CatalogStaging.cs).
        CREATE TABLE IF NOT EXISTS staged_versions (
            seq {d.AutoIncrementKey},
            doc_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            {VersionFields});

        CREATE TABLE IF NOT EXISTS staged_subjects (
            citizen_id TEXT NOT NULL,
            doc_id TEXT NOT NULL,
            role TEXT NOT NULL);

        -- The recent level on SQLite: the versions and subjects of runs that were small next to the keyed tables,
        -- kept beside them instead of merged into them (a nightly delta would rewrite a quarter of their pages);
        -- merged once they reach a twentieth of them. Readers see both: the views below, and the citizen lookup.
        -- A version here is newer than every version of its document in document_versions, whose is_current
        -- says 0 for it already (Store/Catalog/CatalogStaging.cs).
        {VersionsTable("recent_versions", d)}

        {SubjectsTable("recent_subjects", d)}

        {d.CreateView} all_document_versions AS
            SELECT {VersionColumns} FROM document_versions UNION ALL SELECT {VersionColumns} FROM recent_versions;

        {d.CreateView} all_subjects AS
            SELECT citizen_id, doc_id, role FROM subjects UNION SELECT citizen_id, doc_id, role FROM recent_subjects;

        -- Rows in document_versions, kept by the merges: whether a run is small next to the keyed tables is
        -- decided without counting a million rows.
        CREATE TABLE IF NOT EXISTS catalog_counts (
            name TEXT PRIMARY KEY,
            value BIGINT NOT NULL);

        CREATE TABLE IF NOT EXISTS ledger (
            connector TEXT NOT NULL,
            source_ref TEXT NOT NULL,
            state TEXT NOT NULL,
            reason_code TEXT,
            reason TEXT,
            doc_id TEXT,
            version INTEGER,
            doc_type TEXT,
            agency_code TEXT,
            agency_level TEXT,
            procedure_field TEXT,
            settled_on TEXT,
            method TEXT NOT NULL,
            result_number TEXT,
            run_id BIGINT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (connector, source_ref)){d.WithoutRowId};

        CREATE TABLE IF NOT EXISTS review_items (
            connector TEXT NOT NULL,
            source_ref TEXT NOT NULL,
            doc_type TEXT,
            reason TEXT NOT NULL,
            candidate_json TEXT,
            raw_json TEXT,
            image_path TEXT,
            ocr_text TEXT,
            status TEXT NOT NULL,
            sampled INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            decided_at TEXT,
            decided_by TEXT,
            fields_checked INTEGER,
            fields_corrected INTEGER,
            machine_confidence DOUBLE PRECISION,
            PRIMARY KEY (connector, source_ref));

        -- API clients (one-stop software): only the SHA-256 of each key is kept, never the key.
        CREATE TABLE IF NOT EXISTS api_clients (
            name TEXT PRIMARY KEY,
            key_hash TEXT NOT NULL UNIQUE,
            doc_types TEXT NOT NULL,
            rate_per_second INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            revoked_at TEXT);
        """;
}
