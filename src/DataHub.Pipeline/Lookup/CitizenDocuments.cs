using DataHub.Core.Identity;
using DataHub.Store.Catalog;

namespace DataHub.Pipeline.Lookup;

/// <summary>
/// "What valid documents does this citizen already have?" — the question one-stop software asks.
/// Shared by the CLI and the HTTP API so both apply the same validity rules.
/// </summary>
public sealed class CitizenDocuments(ICatalog catalog)
{
    /// <param name="validOn">Only documents valid on this date: issued on or before it, not revoked, not expired, not superseded.</param>
    /// <param name="allowedTypes">The caller's scope; documents of other types are never returned (null = all).</param>
    public IReadOnlyList<CatalogDocument> Find(CitizenId citizen, string? documentType, DateOnly? validOn, IReadOnlyCollection<string>? allowedTypes)
    {
        var documents = catalog.FindByCitizen(citizen.Value, documentType, includeSuperseded: false);
        return documents
            .Where(d => allowedTypes is null || allowedTypes.Contains(d.DocumentType))
            .Where(d => validOn is not { } on || (d.Status == "valid" && d.IssueDate <= on && (d.ValidUntil is not { } until || until >= on)))
            .ToList();
    }
}
