namespace DataHub.Store.Catalog;

/// <summary>
/// Digitization figures of one group (an agency, a type, a field, a level or a period), counted per
/// settled result (a result delivered twice counts once) — see README "How the report counts".
/// </summary>
public sealed record ReportRow(string Group, long Settled, long Digitized, long PendingReview, long Quarantined, long DigitizedByOcr)
{
    public double Rate => Settled == 0 ? 0 : (double)Digitized / Settled;
}
