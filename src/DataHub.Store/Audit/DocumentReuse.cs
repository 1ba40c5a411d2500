using DataHub.Store.Catalog;

namespace DataHub.Store.Audit;

/// <summary>
/// Reuse figures from the access log, grouped like the digitization report. A serving is a document id
/// returned with status 200 to an API client; the CLI's own lookups (<c>cli:*</c>) are staff, not
/// one-stop software, and do not count. Documents are scoped like the report: digitized results whose
/// settlement date is in the period.
/// </summary>
public sealed class DocumentReuse(AccessLogDatabase database, AccessLog accessLog)
{
    public const string CliClientPrefix = "cli:";

    public IReadOnlyList<ReuseCount> ByGroup(ReportQuery query)
    {
        var group = query.By switch
        {
            ReportGrouping.Agency => "l.agency_code",
            ReportGrouping.Type => "l.doc_type",
            ReportGrouping.Field => "l.procedure_field",
            ReportGrouping.Level => "l.agency_level",
            ReportGrouping.Month => "SUBSTR(l.settled_on, 1, 7)",
            ReportGrouping.Year => "SUBSTR(l.settled_on, 1, 4)",
            _ => throw new ArgumentOutOfRangeException(nameof(query)),
        };
        accessLog.CatchUp();
        var log = database.Prefix;
        using var connection = database.OpenWithCatalog();
        // One ledger row per digitized document (several deliveries of one result share a doc_id).
        using var command = SqlCatalog.Command(connection, null,
            "WITH docs AS (SELECT doc_id, MAX(agency_code) AS agency_code, MAX(doc_type) AS doc_type, MAX(procedure_field) AS procedure_field, " +
            "MAX(agency_level) AS agency_level, MIN(settled_on) AS settled_on FROM ledger WHERE doc_id IS NOT NULL AND state IN ('published', 'unchanged') GROUP BY doc_id), " +
            $"served AS (SELECT d.doc_id, COUNT(*) AS n FROM {log}access_log_documents d JOIN {log}access_log a ON a.seq = d.seq " +
            $"WHERE a.status = 200 AND d.client NOT LIKE '{CliClientPrefix}%' GROUP BY d.doc_id) " +
            $"SELECT {group} AS g, COUNT(*), CAST(SUM(s.n) AS BIGINT) FROM docs l JOIN served s ON s.doc_id = l.doc_id " +
            "WHERE (CAST(@from AS TEXT) IS NULL OR l.settled_on >= CAST(@from AS TEXT)) AND (CAST(@to AS TEXT) IS NULL OR l.settled_on <= CAST(@to AS TEXT)) " +
            $"GROUP BY {group} ORDER BY 1",
            ("@from", query.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("@to", query.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        using var reader = command.ExecuteReader();
        var rows = new List<ReuseCount>();
        while (reader.Read()) rows.Add(new ReuseCount(reader.IsDBNull(0) ? "(unknown)" : reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
        return rows;
    }
}
