using DataHub.Core.Ledger;

namespace DataHub.Core.Normalization;

/// <summary>
/// The result of normalizing one settled result: a document to publish, or the ledger state it must
/// end in instead (quarantined or pending review) with a reason a clerk can read.
/// </summary>
public sealed record NormalizationOutcome(ResultFacts Facts, NormalizedDocument? Document, LedgerState? Rejection, string? Reason)
{
    public static NormalizationOutcome Publishable(ResultFacts facts, NormalizedDocument document) => new(facts, document, null, null);

    public static NormalizationOutcome Quarantine(ResultFacts facts, string reason) => new(facts, null, LedgerState.Quarantined, reason);

    public static NormalizationOutcome Review(ResultFacts facts, string reason, NormalizedDocument? candidate = null) => new(facts, candidate, LedgerState.PendingReview, reason);
}
