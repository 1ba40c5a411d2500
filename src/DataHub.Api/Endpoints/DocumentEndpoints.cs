using System.Text.Json.Nodes;
using DataHub.Api.Audit;
using DataHub.Api.Security;
using DataHub.Core.Documents;
using DataHub.Store.Audit;
using DataHub.Store.Catalog;
using DataHub.Store.Documents;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DataHub.Api.Endpoints;

/// <summary>
/// <c>GET /v1/documents/{documentId}</c> (normalized document with provenance and version history) and
/// <c>GET /v1/documents/{documentId}/original</c> (the scan or PDF kept beside it). The id must have the
/// exact derived shape before anything is looked up, so hostile ids never reach the store.
/// </summary>
public static class DocumentEndpoints
{
    public const string Route = "/v1/documents/{documentId}";
    public const string OriginalRoute = "/v1/documents/{documentId}/original";

    /// <summary>Names an original may have beside a document, in order of preference, with their media types.</summary>
    private static readonly (string Name, string MediaType)[] Originals =
    [
        ("original.pdf", "application/pdf"), ("original.tif", "image/tiff"), ("original.tiff", "image/tiff"), ("original.png", "image/png"),
        ("original.jpg", "image/jpeg"), ("page-1.png", "image/png"), ("page-1.tif", "image/tiff"), ("page-1.jpg", "image/jpeg"),
    ];

    public static async Task<IResult> Get(string documentId, int? version, HttpContext context, ICatalog catalog, IDocumentStore store, AccessLogWriter log, CancellationToken ct)
    {
        var caller = context.Features.GetRequiredFeature<ApiCaller>();
        var (versions, problem) = Resolve(documentId, caller, catalog, log, "GET " + Route);
        if (problem is not null) return problem;
        var current = versions.FirstOrDefault(v => v.IsCurrent) ?? versions[0];
        var wanted = version is { } n ? versions.FirstOrDefault(v => v.Version == n) : current;
        if (wanted is null) return ApiProblems.NotFound($"document {documentId} has no version {version} (versions: {string.Join(", ", versions.Select(v => v.Version))})");
        var bytes = await store.GetVersionAsync(Id(documentId), wanted.Version, ct);
        if (bytes is null) return ApiProblems.NotFound($"document {documentId} version {wanted.Version} is cataloged but missing from the document store");
        log.Write(Entry(caller, "GET " + Route, documentId, StatusCodes.Status200OK));
        var body = new JsonObject
        {
            ["documentId"] = documentId,
            ["version"] = wanted.Version,
            ["isCurrent"] = wanted.IsCurrent,
            ["stored"] = JsonNode.Parse(bytes),
            ["versions"] = new JsonArray(versions.Select(v => (JsonNode)new JsonObject
            {
                ["version"] = v.Version, ["isCurrent"] = v.IsCurrent, ["status"] = v.Status, ["contentHash"] = v.ContentHash,
                ["publishedAt"] = v.PublishedAt, ["connector"] = v.Connector, ["sourceRef"] = v.SourceRef, ["method"] = v.Method,
                ["href"] = $"/v1/documents/{documentId}?version={v.Version}",
            }).ToArray()),
            ["original"] = $"/v1/documents/{documentId}/original",
        };
        return Results.Json(body);
    }

    public static async Task<IResult> GetOriginal(string documentId, HttpContext context, ICatalog catalog, IDocumentStore store, AccessLogWriter log, CancellationToken ct)
    {
        var caller = context.Features.GetRequiredFeature<ApiCaller>();
        var (_, problem) = Resolve(documentId, caller, catalog, log, "GET " + OriginalRoute);
        if (problem is not null) return problem;
        foreach (var (name, mediaType) in Originals)
        {
            if (await store.OpenFileAsync(Id(documentId), name, ct) is not { } stream) continue;
            log.Write(Entry(caller, "GET " + OriginalRoute, documentId, StatusCodes.Status200OK));
            return Results.Stream(stream, mediaType, fileDownloadName: $"{documentId}-{name}");
        }
        return ApiProblems.NotFound($"document {documentId} has no original file: it was delivered digitally, not scanned");
    }

    /// <summary>Shape, existence and scope, in that order; a refusal for scope is logged (someone tried).</summary>
    private static (IReadOnlyList<CatalogDocument> Versions, IResult? Problem) Resolve(string documentId, ApiCaller caller, ICatalog catalog, AccessLogWriter log, string endpoint)
    {
        if (!DocumentId.TryParse(documentId, out var id))
            return ([], ApiProblems.BadRequest("a document id is 26 characters of lowercase base32 (a-z, 2-7), as lookups return it"));
        var versions = catalog.GetVersions(id);
        if (versions.Count == 0) return ([], ApiProblems.NotFound($"no document {documentId}"));
        var type = versions[0].DocumentType;
        if (!caller.Client.MayRead(type))
        {
            log.Write(Entry(caller, endpoint, documentId, StatusCodes.Status403Forbidden));
            return (versions, ApiProblems.Forbidden($"client '{caller.Client.Name}' may not read {type} documents (its scope: {string.Join(", ", caller.Client.DocumentTypes)})"));
        }
        return (versions, null);
    }

    private static DocumentId Id(string raw) => DocumentId.TryParse(raw, out var id) ? id : throw new ArgumentException("checked before");

    private static AccessLogEntry Entry(ApiCaller caller, string endpoint, string documentId, int status) =>
        new(DateTimeOffset.UtcNow, caller.Client.Name, caller.Purpose, endpoint, null, [documentId], status);
}
