namespace DataHub.Pipeline.Reporting;

/// <summary>
/// The figures of one report group (or the total), per settled result: the ledger's counts plus the reuse
/// the access log shows. Shares are of the digitized results (OCR share, reuse share).
/// </summary>
public sealed record DigitizationFigures(string Group, long Settled, long Digitized, long PendingReview, long Quarantined, long DigitizedByOcr,
    long ReusedDocuments, long Servings)
{
    public double Rate => Settled == 0 ? 0 : (double)Digitized / Settled;

    public double OcrShare => Digitized == 0 ? 0 : (double)DigitizedByOcr / Digitized;

    public double ReuseShare => Digitized == 0 ? 0 : (double)ReusedDocuments / Digitized;
}
