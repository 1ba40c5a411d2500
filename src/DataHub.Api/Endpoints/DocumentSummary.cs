using DataHub.Store.Catalog;

namespace DataHub.Api.Endpoints;

/// <summary>One document in a lookup: what a clerk needs to pick it, and where to read it in full.</summary>
public sealed record DocumentSummary(string DocumentId, string DocumentType, string? Role, string ResultNumber, DateOnly IssueDate, DateOnly? ValidUntil,
    string Status, int Version, string Method, string AgencyCode, string Href)
{
    public static DocumentSummary From(CatalogDocument d) => new(d.DocumentId, d.DocumentType, d.Role, d.ResultNumber, d.IssueDate, d.ValidUntil,
        d.Status, d.Version, d.Method, d.AgencyCode, "/v1/documents/" + d.DocumentId);
}
