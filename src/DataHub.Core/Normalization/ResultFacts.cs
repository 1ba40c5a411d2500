namespace DataHub.Core.Normalization;

/// <summary>
/// What is known of a result even when it cannot be published: enough for the ledger and the
/// auditor report to place it (which agency, type, field, level and period it belongs to).
/// </summary>
public sealed record ResultFacts(string? DocumentType, string? AgencyCode, string? AgencyLevel, string? ProcedureField, DateOnly? SettledOn, string? ResultNumber);
