using DataHub.Core.Normalization;

namespace DataHub.Store.Catalog;

/// <summary>A document version that is durable in the store and must now be cataloged.</summary>
public sealed record PublishedVersion(
    string DocumentId,
    int Version,
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
    IReadOnlyList<DocumentSubject> Subjects);
