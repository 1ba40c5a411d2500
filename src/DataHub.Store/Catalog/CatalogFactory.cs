using Microsoft.Data.Sqlite;
using Npgsql;

namespace DataHub.Store.Catalog;

/// <summary>Builds the configured catalog: SQLite under the data folder by default, PostgreSQL when a cluster shares one.</summary>
public static class CatalogFactory
{
    public static SqlCatalog Sqlite(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        var unpooled = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        return new SqlCatalog(() => new SqliteConnection(connectionString), CatalogDialect.Sqlite, () => new SqliteConnection(unpooled));
    }

    public static SqlCatalog PostgreSql(string connectionString)
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        return new SqlCatalog(dataSource.CreateConnection, CatalogDialect.PostgreSql);
    }
}
