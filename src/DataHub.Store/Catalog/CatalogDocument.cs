namespace DataHub.Store.Catalog;

/// <summary>A cataloged document version, as lookups return it.</summary>
public sealed record CatalogDocument(
    string DocumentId,
    int Version,
    bool IsCurrent,
    string DocumentType,
    string AgencyCode,
    string ResultNumber,
    string ContentHash,
    string Status,
    DateOnly IssueDate,
    DateOnly? ValidUntil,
    string Method,
    string Connector,
    string SourceRef,
    DateTimeOffset PublishedAt,
    string? Role);
