using DataHub.Core.Ledger;

namespace DataHub.Store.Catalog;

/// <summary>The one ledger row of a source record (upserted: a re-read record keeps exactly one row).</summary>
public sealed record LedgerEntry(
    string Connector,
    string SourceRef,
    LedgerState State,
    string? Reason,
    string? DocumentId,
    int? Version,
    string? DocumentType,
    string? AgencyCode,
    string? AgencyLevel,
    string? ProcedureField,
    DateOnly? SettledOn,
    string Method,
    string? ResultNumber);
