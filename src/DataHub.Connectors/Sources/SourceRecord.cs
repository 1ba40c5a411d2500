namespace DataHub.Connectors.Sources;

/// <summary>
/// One record as a source delivered it. <see cref="SourceRef"/> names it for the ledger (e.g.
/// <c>2024-11.csv#128</c>) and stays the same on every re-read, which is what makes the ledger idempotent.
/// A record the source could not parse still arrives, with <see cref="MalformedReason"/> set.
/// </summary>
public sealed record SourceRecord(string SourceRef, string Unit, long Ordinal, IRecordFields Fields, string? MalformedReason = null)
{
    /// <summary>Native for agency data; OCR for scans.</summary>
    public DataHub.Core.Documents.DigitizationMethod Method { get; init; } = DataHub.Core.Documents.DigitizationMethod.Native;

    /// <summary>Machine confidence (0–100) per source path, for OCR'd records.</summary>
    public IReadOnlyDictionary<string, double>? Confidences { get; init; }

    /// <summary>The page a scan record was read from, kept for review and stored beside the document.</summary>
    public ScanEvidence? Evidence { get; init; }
}
