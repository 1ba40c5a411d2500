using DataHub.Store.Catalog;

namespace DataHub.Pipeline.Reporting;

/// <summary>
/// The auditors' figures (Báo cáo số hóa kết quả giải quyết TTHC): per group, settled results, how many
/// are digitized, the rate, OCR share and reuse, and the gap by reason; plus record-level ledger states
/// that must reconcile with what the sources delivered, and the gap records themselves (drill-down).
/// </summary>
public sealed record DigitizationReport(
    ReportQuery Query,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<DigitizationFigures> Rows,
    DigitizationFigures Total,
    IReadOnlyList<ReasonCount> Gaps,
    IReadOnlyList<LedgerStateCount> Records,
    IReadOnlyList<LedgerRow> GapRecords)
{
    public long RecordsPulled => Records.Sum(r => r.Records);

    /// <summary>OCR field accuracy measured on reviewed random samples (null until a sample is reviewed).</summary>
    public OcrAccuracy? OcrAccuracy { get; init; }
}
