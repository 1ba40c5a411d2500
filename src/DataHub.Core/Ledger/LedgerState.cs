namespace DataHub.Core.Ledger;

/// <summary>
/// The one state every source record ends in. The auditor report counts these, so a record that is
/// in none of them would be a silent loss.
/// </summary>
public enum LedgerState { Published, Unchanged, Quarantined, PendingReview }
