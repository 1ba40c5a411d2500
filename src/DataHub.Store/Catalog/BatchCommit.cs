namespace DataHub.Store.Catalog;

/// <summary>
/// Everything one durable batch changes, committed in one transaction together with the checkpoint,
/// so the catalog never says more (or less) than the store and the source position agree on.
/// </summary>
public sealed record BatchCommit(
    long RunId,
    string Connector,
    IReadOnlyList<LedgerEntry> Ledger,
    IReadOnlyList<PublishedVersion> Versions,
    IReadOnlyList<ReviewItem> Reviews,
    string? Checkpoint,
    RunCounts Counts);
