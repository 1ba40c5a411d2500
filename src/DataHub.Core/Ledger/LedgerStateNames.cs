namespace DataHub.Core.Ledger;

/// <summary>The persisted, human-readable names of ledger states (as shown in reports and the catalog).</summary>
public static class LedgerStateNames
{
    public static string ToName(this LedgerState state) => state switch
    {
        LedgerState.Published => "published",
        LedgerState.Unchanged => "unchanged",
        LedgerState.Quarantined => "quarantined",
        LedgerState.PendingReview => "pending-review",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static LedgerState Parse(string name) => name switch
    {
        "published" => LedgerState.Published,
        "unchanged" => LedgerState.Unchanged,
        "quarantined" => LedgerState.Quarantined,
        "pending-review" => LedgerState.PendingReview,
        _ => throw new FormatException($"unknown ledger state '{name}'"),
    };
}
