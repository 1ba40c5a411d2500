using Microsoft.Data.Sqlite;

namespace DataHub.Api.Tests;

/// <summary>Reads the catalog's tables directly with SQLite, so tests count without the code under test.</summary>
public static class Ledger
{
    public sealed record Row(string Connector, string SourceRef, string State, string? DocumentId, string? DocumentType, string? AgencyCode, string? SettledOn, string Method);

    public static List<Row> ReadAll(string catalogPath)
    {
        using var connection = new SqliteConnection($"Data Source={catalogPath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT connector, source_ref, state, doc_id, doc_type, agency_code, settled_on, method FROM ledger";
        using var reader = command.ExecuteReader();
        var rows = new List<Row>();
        while (reader.Read())
        {
            rows.Add(new Row(reader.GetString(0), reader.GetString(1), reader.GetString(2), Str(reader, 3), Str(reader, 4), Str(reader, 5), Str(reader, 6), reader.GetString(7)));
        }
        return rows;
    }

    public static List<string[]> Query(string catalogPath, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={catalogPath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read()) rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!).ToArray());
        return rows;
    }

    private static string? Str(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
