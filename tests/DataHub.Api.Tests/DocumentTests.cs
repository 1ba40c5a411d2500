using DataHub.Core.Documents;
using DataHub.Store.Documents;
using Microsoft.Extensions.DependencyInjection;

namespace DataHub.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class DocumentTests(ApiServer server)
{
    private string DocumentOfType(string type) =>
        Ledger.Query(server.CatalogPath, $"SELECT doc_id FROM all_document_versions WHERE doc_type = '{type}' AND is_current = 1 ORDER BY doc_id LIMIT 1").Single()[0];

    [Fact]
    public async Task Document_has_the_normalized_content_provenance_and_versions()
    {
        var id = DocumentOfType("land-use-right-certificate");
        var source = Ledger.Query(server.CatalogPath, $"SELECT connector, source_ref FROM all_document_versions WHERE doc_id = '{id}' AND is_current = 1").Single();
        using var http = server.Client(server.ClerkKey);
        var (status, _, body) = await Json.GetAsync(http, $"/v1/documents/{id}");
        Assert.Equal(200, status);
        var stored = body.GetProperty("stored");
        Assert.Equal(id, stored.GetProperty("documentId").GetString());
        Assert.Equal("land-use-right-certificate", stored.GetProperty("document").GetProperty("documentType").GetString());
        Assert.Equal(source[0], stored.GetProperty("provenance").GetProperty("connector").GetString());
        Assert.Equal(source[1], stored.GetProperty("provenance").GetProperty("sourceRef").GetString());
        var versions = body.GetProperty("versions").EnumerateArray().ToList();
        Assert.NotEmpty(versions);
        Assert.Contains(versions, v => v.GetProperty("isCurrent").GetBoolean());
    }

    [Fact]
    public async Task Document_of_a_type_outside_scope_is_403()
    {
        using var http = server.Client(server.ClerkKey);
        var (status, mediaType, body) = await Json.GetAsync(http, $"/v1/documents/{DocumentOfType("marriage-certificate")}");
        Assert.Equal(403, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Contains("may not read marriage-certificate", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unknown_document_is_404()
    {
        using var http = server.Client(server.ClerkKey);
        var (status, mediaType, body) = await Json.GetAsync(http, "/v1/documents/aaaaaaaaaaaaaaaaaaaaaaaaaa");
        Assert.Equal(404, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Contains("no document", body.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("..%2Fcatalog.db")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaa1")]
    public async Task Hostile_document_ids_are_400_and_never_reach_the_store(string id)
    {
        using var http = server.Client(server.ClerkKey);
        foreach (var path in new[] { $"/v1/documents/{id}", $"/v1/documents/{id}/original" })
        {
            var (status, mediaType, body) = await Json.GetAsync(http, path);
            Assert.Equal(400, status);
            Assert.Equal("application/problem+json", mediaType);
            Assert.Contains("26 characters of lowercase base32", body.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task Path_traversal_outside_the_api_is_a_404_problem()
    {
        using var http = server.Client(server.ClerkKey);
        var (status, mediaType, _) = await Json.GetAsync(http, "/v1/documents/../../catalog.db");
        Assert.Equal(404, status);
        Assert.Equal("application/problem+json", mediaType);
    }

    [Fact]
    public async Task Original_is_served_when_stored_beside_the_document_and_404_otherwise()
    {
        var scanned = DocumentOfType("birth-certificate");
        var digital = Ledger.Query(server.CatalogPath, $"SELECT doc_id FROM all_document_versions WHERE doc_type = 'birth-certificate' AND doc_id <> '{scanned}' LIMIT 1").Single()[0];
        var pdf = "%PDF-1.4\n% a scanned birth certificate\n"u8.ToArray();
        DocumentId.TryParse(scanned, out var id);
        await server.Services.GetRequiredService<IDocumentStore>().PutFileAsync(id, "original.pdf", new MemoryStream(pdf));

        using var http = server.Client(server.ClerkKey);
        using (var response = await http.GetAsync($"/v1/documents/{scanned}/original"))
        {
            Assert.Equal(200, (int)response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());
        }
        var (status, mediaType, body) = await Json.GetAsync(http, $"/v1/documents/{digital}/original");
        Assert.Equal(404, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Contains("no original file", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Health_reports_catalog_and_store_and_openapi_is_served()
    {
        using var http = server.Client(null);
        var (status, _, body) = await Json.GetAsync(http, "/healthz");
        Assert.Equal(200, status);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal("healthy", body.GetProperty("checks").GetProperty("catalog").GetProperty("status").GetString());
        Assert.Equal("healthy", body.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());

        var (openApiStatus, _, openApi) = await Json.GetAsync(http, "/openapi/v1.json");
        Assert.Equal(200, openApiStatus);
        var paths = openApi.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/v1/citizens/{citizenId}/documents", out _));
        Assert.True(paths.TryGetProperty("/v1/documents/{documentId}/original", out _));
        Assert.True(paths.TryGetProperty("/v1/reports/digitization", out _));
    }
}
