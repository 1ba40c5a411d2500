namespace DataHub.Store.Catalog;

/// <summary>The few SQL words SQLite and PostgreSQL spell differently.</summary>
public sealed record CatalogDialect(string Name, string AutoIncrementKey, string WithoutRowId)
{
    public static readonly CatalogDialect Sqlite = new("sqlite", "INTEGER PRIMARY KEY AUTOINCREMENT", " WITHOUT ROWID");
    public static readonly CatalogDialect PostgreSql = new("postgresql", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "");
}
