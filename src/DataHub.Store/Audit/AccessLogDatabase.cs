using System.Data.Common;
using DataHub.Store.Catalog;
using Microsoft.Data.Sqlite;

namespace DataHub.Store.Audit;

/// <summary>
/// Where the access log's tables live. PostgreSQL: in the catalog's database (one chain for all nodes of
/// a cluster; a commit there invalidates nothing). SQLite, the embedded default: a file of their own
/// (<c>data/access-log.db</c>). In WAL mode a commit to a file makes every other connection to it drop its
/// page cache; with the log inside <c>catalog.db</c>, every lookup's log entry made the next lookups re-read
/// the million-row catalog B-trees from the operating system.
/// </summary>
public sealed class AccessLogDatabase
{
    private readonly string? _catalogPath;

    private AccessLogDatabase(SqlCatalog catalog, SqlCatalog log, string? catalogPath, string? path)
    {
        Catalog = catalog;
        Log = log;
        _catalogPath = catalogPath;
        Path = path;
    }

    /// <summary>The log's tables in the catalog's own database (PostgreSQL).</summary>
    public static AccessLogDatabase InCatalog(SqlCatalog catalog) => new(catalog, catalog, null, null);

    /// <summary>The log's tables in a SQLite file of their own beside a SQLite catalog.</summary>
    public static AccessLogDatabase SqliteFile(SqlCatalog catalog, string catalogPath, string logPath) =>
        new(catalog, CatalogFactory.Sqlite(logPath), System.IO.Path.GetFullPath(catalogPath), System.IO.Path.GetFullPath(logPath));

    public SqlCatalog Catalog { get; }

    /// <summary>Connections to the log's tables (the catalog itself when they share a database).</summary>
    public SqlCatalog Log { get; }

    /// <summary>The log's own SQLite file; null when the log shares the catalog's database.</summary>
    public string? Path { get; }

    /// <summary>How the log's tables are named in a connection from <see cref="OpenWithCatalog"/>.</summary>
    public string Prefix => Path is null ? "" : "audit.";

    /// <summary>Creates the log's tables, and brings a log written by an earlier version up to date (see <see cref="AccessLogMigration"/>).</summary>
    public void EnsureCreated()
    {
        Log.EnsureSchema(AccessLogSchemaSql.Create(Log.Dialect));
        if (Path is not null) AccessLogMigration.MoveOutOfCatalog(_catalogPath!, Path);
        AccessLogMigration.MoveCitizenIndexBehindTheChain(Log);
        AccessLogMigration.SegmentTheIndexes(Log);
    }

    /// <summary>
    /// A catalog connection in which the log's tables are reachable as <see cref="Prefix"/><c>access_log</c>,
    /// for the few queries that join the two (who looked at a citizen, reuse figures).
    /// </summary>
    public DbConnection OpenWithCatalog()
    {
        if (Path is null) return Catalog.Open();
        // Unpooled: an attached database must not go back into the pool with the connection. Only audit
        // and report queries come here, not the lookups.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _catalogPath, Pooling = false }.ToString());
        connection.Open();
        SqlCatalog.Execute(connection, null, "PRAGMA busy_timeout=30000");
        SqlCatalog.Execute(connection, null, "ATTACH DATABASE @p AS audit", ("@p", Path));
        return connection;
    }
}
