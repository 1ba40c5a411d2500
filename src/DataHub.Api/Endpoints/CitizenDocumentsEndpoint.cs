using DataHub.Api.Audit;
using DataHub.Api.Security;
using DataHub.Core.Dates;
using DataHub.Core.Documents;
using DataHub.Core.Identity;
using DataHub.Pipeline.Lookup;
using DataHub.Store.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DataHub.Api.Endpoints;

/// <summary>
/// <c>GET /v1/citizens/{citizenId}/documents?type=&amp;validOn=</c>: the citizen's reusable documents
/// within the caller's scope, valid on a date (today in Vietnam unless asked; <c>validOn=any</c> for
/// every current version). Superseded versions are never listed.
/// </summary>
public static class CitizenDocumentsEndpoint
{
    public const string Route = "/v1/citizens/{citizenId}/documents";

    public static IResult Handle(string citizenId, string? type, string? validOn, HttpContext context, CitizenDocuments documents, AccessLogWriter log)
    {
        var caller = context.Features.GetRequiredFeature<ApiCaller>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        if (!CitizenId.TryParse(citizenId, today, out var id, out var reason)) return ApiProblems.BadRequest(reason!);
        if (type is not null && DocumentType.FromSlug(type) is null)
            return ApiProblems.BadRequest($"unknown document type '{type}' (known: {string.Join(", ", DocumentType.All)})");
        DateOnly? on = today;
        if (validOn == "any") on = null;
        else if (validOn is not null) on = VietnameseDate.TryParse(validOn, out var d, out var why) ? d : null;
        if (validOn is not null && validOn != "any" && on is null) return ApiProblems.BadRequest($"validOn: not a date (use yyyy-MM-dd or dd/MM/yyyy, or 'any')");

        if (type is not null && !caller.Client.MayRead(type))
        {
            log.Write(Entry(caller, id, [], StatusCodes.Status403Forbidden));
            return ApiProblems.Forbidden($"client '{caller.Client.Name}' may not read {type} documents (its scope: {string.Join(", ", caller.Client.DocumentTypes)})");
        }
        var found = documents.Find(id, type, on, caller.Client.DocumentTypes);
        // Logged before the response leaves: no documents are revealed without an entry.
        var documentIds = new List<string>(found.Count);
        var summaries = new List<DocumentSummary>(found.Count);
        foreach (var d in found)
        {
            // A citizen listed in two roles on one document: one id in the log.
            if (!documentIds.Contains(d.DocumentId)) documentIds.Add(d.DocumentId);
            summaries.Add(DocumentSummary.From(d));
        }
        log.Write(Entry(caller, id, documentIds, StatusCodes.Status200OK));
        return new JsonBodyResult<CitizenDocumentsResponse>(new CitizenDocumentsResponse(id.Value, on, summaries), ApiJsonContext.Default.CitizenDocumentsResponse);
    }

    private static AccessLogEntry Entry(ApiCaller caller, CitizenId id, IReadOnlyList<string> documentIds, int status) =>
        new(DateTimeOffset.UtcNow, caller.Client.Name, caller.Purpose, "GET " + Route, id.Value, documentIds, status);
}
