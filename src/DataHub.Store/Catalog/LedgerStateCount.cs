namespace DataHub.Store.Catalog;

/// <summary>Source records per ledger state (record level: pulled = the sum of all states).</summary>
public sealed record LedgerStateCount(string State, long Records);
