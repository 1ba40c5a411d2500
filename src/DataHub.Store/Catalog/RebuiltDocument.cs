namespace DataHub.Store.Catalog;

/// <summary>One document version as read back from the store, with what the catalog and ledger need of it.</summary>
public sealed record RebuiltDocument(PublishedVersion Version, bool IsCurrent, string? AgencyLevel, string? ProcedureField);
