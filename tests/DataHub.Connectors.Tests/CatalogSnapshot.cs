using Microsoft.Data.Sqlite;

namespace DataHub.Connectors.Tests;

/// <summary>What a sync left in a catalog: documents (id → version, content hash), ledger rows, runs.</summary>
public sealed record CatalogSnapshot(
    IReadOnlyDictionary<string, (int Version, string Hash)> Current,
    int VersionRows,
    IReadOnlyDictionary<string, string> LedgerStates,
    IReadOnlyList<(string Connector, string Status, string? Error)> Runs,
    int SameContentTwice)
{
    public static CatalogSnapshot Read(string catalogPath)
    {
        using var connection = new SqliteConnection($"Data Source={catalogPath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var current = new Dictionary<string, (int, string)>(StringComparer.Ordinal);
        foreach (var row in Query(connection, "SELECT doc_id, version, content_hash FROM all_document_versions WHERE is_current = 1"))
            current[(string)row[0]] = (Convert.ToInt32(row[1]), (string)row[2]);
        var versions = Convert.ToInt32(Query(connection, "SELECT COUNT(*) FROM all_document_versions")[0][0]);
        var ledger = Query(connection, "SELECT connector || '|' || source_ref, state FROM ledger").ToDictionary(r => (string)r[0], r => (string)r[1], StringComparer.Ordinal);
        var runs = Query(connection, "SELECT connector, status, error FROM runs ORDER BY run_id").Select(r => ((string)r[0], (string)r[1], r[2] as string)).ToList();
        // A document published twice with the same content is a duplicate, whatever its version numbers say.
        var twice = Query(connection, "SELECT doc_id FROM all_document_versions GROUP BY doc_id, content_hash HAVING COUNT(*) > 1").Count;
        return new CatalogSnapshot(current, versions, ledger, runs, twice);
    }

    private static List<object[]> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }
}
