using DataHub.Store.Audit;
using DataHub.Store.Catalog;

namespace DataHub.Pipeline.Reporting;

/// <summary>Reads the report from the ledger (what was digitized) and the access log (what was reused).</summary>
public sealed class DigitizationReportBuilder(ICatalog catalog, DocumentReuse? reuse = null)
{
    /// <param name="gapRecordLimit">How many quarantined / pending-review records to carry for drill-down (per state).</param>
    public DigitizationReport Build(ReportQuery query, int gapRecordLimit = 0)
    {
        var reused = (reuse?.ByGroup(query) ?? []).ToDictionary(r => r.Group, StringComparer.Ordinal);
        var rows = catalog.Report(query).Select(r =>
        {
            var u = reused.GetValueOrDefault(r.Group);
            return new DigitizationFigures(r.Group, r.Settled, r.Digitized, r.PendingReview, r.Quarantined, r.DigitizedByOcr, u?.ReusedDocuments ?? 0, u?.Servings ?? 0);
        }).ToList();
        var total = new DigitizationFigures("total", rows.Sum(r => r.Settled), rows.Sum(r => r.Digitized), rows.Sum(r => r.PendingReview),
            rows.Sum(r => r.Quarantined), rows.Sum(r => r.DigitizedByOcr), rows.Sum(r => r.ReusedDocuments), rows.Sum(r => r.Servings));
        IReadOnlyList<LedgerRow> gapRecords = gapRecordLimit <= 0 ? [] :
            [.. catalog.LedgerRows("quarantined", null, null, query, gapRecordLimit), .. catalog.LedgerRows("pending-review", null, null, query, gapRecordLimit)];
        return new DigitizationReport(query, DateTimeOffset.UtcNow, rows, total, catalog.ReasonCounts(query), catalog.LedgerStates(query), gapRecords)
        {
            OcrAccuracy = catalog.MeasuredOcrAccuracy(),
        };
    }

    /// <summary>The group a ledger row falls in under a grouping (the same columns the catalog groups by).</summary>
    public static string GroupOf(LedgerRow row, ReportGrouping by) => (by switch
    {
        ReportGrouping.Agency => row.AgencyCode,
        ReportGrouping.Type => row.DocumentType,
        ReportGrouping.Field => row.ProcedureField,
        ReportGrouping.Level => row.AgencyLevel,
        ReportGrouping.Month => row.SettledOn?.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
        ReportGrouping.Year => row.SettledOn?.ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    }) ?? "(unknown)";

    public static ReportGrouping ParseGrouping(string? by) => (by ?? "agency").ToLowerInvariant() switch
    {
        "agency" => ReportGrouping.Agency,
        "type" => ReportGrouping.Type,
        "field" => ReportGrouping.Field,
        "level" => ReportGrouping.Level,
        "month" or "period" => ReportGrouping.Month,
        "year" => ReportGrouping.Year,
        var other => throw new ArgumentException($"--by {other}: use agency, type, field, level, month or year"),
    };
}
