using DataHub.Store.Catalog;

namespace DataHub.Pipeline.Reporting;

/// <summary>Reads the report from the ledger; the ledger is the only thing it counts.</summary>
public sealed class DigitizationReportBuilder(ICatalog catalog)
{
    public DigitizationReport Build(ReportQuery query)
    {
        var rows = catalog.Report(query);
        var total = new ReportRow("total", rows.Sum(r => r.Settled), rows.Sum(r => r.Digitized), rows.Sum(r => r.PendingReview), rows.Sum(r => r.Quarantined), rows.Sum(r => r.DigitizedByOcr));
        return new DigitizationReport(query, DateTimeOffset.UtcNow, rows, total, catalog.ReasonCounts(query), catalog.LedgerStates(query))
        {
            OcrAccuracy = catalog.MeasuredOcrAccuracy(),
        };
    }

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
