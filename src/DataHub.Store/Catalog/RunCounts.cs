namespace DataHub.Store.Catalog;

/// <summary>Per-run counters; they always reconcile: Pulled = Published + Unchanged + Quarantined + PendingReview.</summary>
public sealed record RunCounts(long Pulled, long Published, long Unchanged, long Quarantined, long PendingReview)
{
    public static readonly RunCounts Zero = new(0, 0, 0, 0, 0);

    public RunCounts Add(RunCounts other) => new(Pulled + other.Pulled, Published + other.Published, Unchanged + other.Unchanged,
        Quarantined + other.Quarantined, PendingReview + other.PendingReview);

    public bool Reconciles => Pulled == Published + Unchanged + Quarantined + PendingReview;
}
