using DataHub.Store.Catalog;

namespace DataHub.Pipeline.Reporting;

/// <summary>
/// The auditors' figures (Báo cáo số hóa kết quả giải quyết TTHC): per group, settled results, how many
/// are digitized, the rate, and the gap by reason; plus record-level ledger states that must reconcile
/// with what the sources delivered.
/// </summary>
public sealed record DigitizationReport(
    ReportQuery Query,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<ReportRow> Rows,
    ReportRow Total,
    IReadOnlyList<ReasonCount> Gaps,
    IReadOnlyList<LedgerStateCount> Records)
{
    public long RecordsPulled => Records.Sum(r => r.Records);

    /// <summary>OCR field accuracy measured on reviewed random samples (null until a sample is reviewed).</summary>
    public OcrAccuracy? OcrAccuracy { get; init; }
}
