namespace DataHub.Store.Catalog;

/// <summary>The few SQL words SQLite and PostgreSQL spell differently.</summary>
public sealed record CatalogDialect(string Name, string AutoIncrementKey, string WithoutRowId)
{
    public static readonly CatalogDialect Sqlite = new("sqlite", "INTEGER PRIMARY KEY AUTOINCREMENT", " WITHOUT ROWID") { CreateView = "CREATE VIEW IF NOT EXISTS" };

    public static readonly CatalogDialect PostgreSql = new("postgresql", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "")
    {
        // Concurrent CREATE TABLE IF NOT EXISTS can still collide in PostgreSQL's catalog; a transaction-scoped
        // advisory lock makes nodes that start together create the schema one after the other.
        SchemaLockSql = "SELECT pg_advisory_xact_lock(7012026)",
        CreateView = "CREATE OR REPLACE VIEW",
    };

    /// <summary>Statement run before the schema is created, inside its transaction ("" when none is needed).</summary>
    public string SchemaLockSql { get; init; } = "";

    /// <summary>Creates a view unless it exists (SQLite has no <c>OR REPLACE</c>, PostgreSQL no <c>IF NOT EXISTS</c> for views).</summary>
    public required string CreateView { get; init; }
}
