namespace DataHub.Store.Catalog;

/// <summary>One ledger row as drill-downs show it.</summary>
public sealed record LedgerRow(string Connector, string SourceRef, string State, string? ReasonCode, string? Reason, string? DocumentId,
    int? Version, string? DocumentType, string? AgencyCode, string? AgencyLevel, string? ProcedureField, DateOnly? SettledOn, string Method,
    string? ResultNumber, long RunId);
