namespace DataHub.Api.Endpoints;

/// <summary>The body of a citizen lookup.</summary>
public sealed record CitizenDocumentsResponse(string CitizenId, DateOnly? ValidOn, IReadOnlyList<DocumentSummary> Documents);
