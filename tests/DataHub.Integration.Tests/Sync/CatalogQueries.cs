using Microsoft.Data.Sqlite;

namespace DataHub.Integration.Tests.Sync;

/// <summary>Reads a data folder's SQLite catalog directly, independently of the code under test.</summary>
internal static class CatalogQueries
{
    public static List<T> Query<T>(string dataFolder, string sql, Func<SqliteDataReader, T> read)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dataFolder, "catalog.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(read(reader));
        return rows;
    }

    public static long Scalar(string dataFolder, string sql) => Query(dataFolder, sql, r => r.GetInt64(0)).Single();

    /// <summary>The published state of a catalog: every version with its hash, and the current one per document.</summary>
    public static List<string> PublishedState(string dataFolder) =>
        Query(dataFolder, "SELECT doc_id || ' v' || version || ' ' || content_hash || (CASE WHEN is_current = 1 THEN ' current' ELSE '' END) FROM all_document_versions ORDER BY 1", r => r.GetString(0));

    public static List<string> LedgerState(string dataFolder) =>
        Query(dataFolder, "SELECT connector || ' ' || source_ref || ' ' || state || ' ' || COALESCE(doc_id, '-') || ' ' || COALESCE(version, 0) FROM ledger ORDER BY 1", r => r.GetString(0));
}
