using System.Net;
using System.Text.Json;

namespace DataHub.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class LookupTests(ApiServer server)
{
    /// <summary>A citizen who has documents of this type (the samples give each citizen documents of one type only).</summary>
    private string CitizenWith(string type) => Ledger.Query(server.CatalogPath,
        $"SELECT s.citizen_id FROM all_subjects s JOIN all_document_versions v ON v.doc_id = s.doc_id AND v.is_current = 1 WHERE v.doc_type = '{type}' ORDER BY s.citizen_id LIMIT 1").Single()[0];

    private string MixedCitizen() => CitizenWith("birth-certificate");

    private List<string> CurrentDocuments(string citizen) => Ledger.Query(server.CatalogPath,
        $"SELECT DISTINCT v.doc_id FROM all_subjects s JOIN all_document_versions v ON v.doc_id = s.doc_id WHERE s.citizen_id = '{citizen}' AND v.is_current = 1 ORDER BY 1")
        .Select(r => r[0]).ToList();

    [Fact]
    public async Task Lookup_lists_exactly_the_current_documents_of_the_citizen_in_scope()
    {
        var citizen = CitizenWith("land-use-right-certificate");
        var expected = CurrentDocuments(citizen);
        Assert.NotEmpty(expected);

        using var http = server.Client(server.ClerkKey);
        var (status, _, body) = await Json.GetAsync(http, $"/v1/citizens/{citizen}/documents?validOn=any");

        Assert.Equal(200, status);
        Assert.Equal(citizen, body.GetProperty("citizenId").GetString());
        var documents = body.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(expected, documents.Select(d => d.GetProperty("documentId").GetString()!).Distinct().Order(StringComparer.Ordinal).ToList());
        Assert.All(documents, d => Assert.Equal("/v1/documents/" + d.GetProperty("documentId").GetString(), d.GetProperty("href").GetString()));
    }

    [Theory]
    [InlineData("marriage-certificate")]
    [InlineData("household-business-registration")]
    public async Task Documents_outside_the_clients_scope_are_never_listed(string type)
    {
        var citizen = CitizenWith(type);
        Assert.NotEmpty(CurrentDocuments(citizen));

        using var http = server.Client(server.ClerkKey);
        var (status, _, body) = await Json.GetAsync(http, $"/v1/citizens/{citizen}/documents?validOn=any");

        Assert.Equal(200, status);
        Assert.Empty(body.GetProperty("documents").EnumerateArray());
    }

    [Fact]
    public async Task Lookup_filters_by_type_within_scope()
    {
        var citizen = MixedCitizen();
        using var http = server.Client(server.ClerkKey);
        var (status, _, body) = await Json.GetAsync(http, $"/v1/citizens/{citizen}/documents?type=birth-certificate&validOn=any");
        Assert.Equal(200, status);
        Assert.All(body.GetProperty("documents").EnumerateArray(), d => Assert.Equal("birth-certificate", d.GetProperty("documentType").GetString()));
    }

    [Theory]
    [InlineData("12345", "must have 12 digits (got 5)")]
    [InlineData("04905522943x", "digits only")]
    [InlineData("999055229436", "unknown province code 999")]
    [InlineData("049955229436", "in the future")]
    [InlineData("049055229", "legacy ID card")]
    public async Task Invalid_citizen_id_is_a_400_problem_that_names_the_rule(string citizen, string rule)
    {
        using var http = server.Client(server.ClerkKey);
        var (status, mediaType, body) = await Json.GetAsync(http, $"/v1/citizens/{citizen}/documents");
        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Equal(400, body.GetProperty("status").GetInt32());
        Assert.Contains(rule, body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Missing_key_is_401()
    {
        using var http = server.Client(null);
        var (status, mediaType, body) = await Json.GetAsync(http, $"/v1/citizens/{MixedCitizen()}/documents");
        Assert.Equal(401, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Contains("X-Api-Key header is missing", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Wrong_key_is_401()
    {
        using var http = server.Client("dhk_not-a-key-anyone-was-given");
        var (status, _, body) = await Json.GetAsync(http, $"/v1/citizens/{MixedCitizen()}/documents");
        Assert.Equal(401, status);
        Assert.Contains("not hold a known API key", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Key_revoked_with_the_cli_is_401()
    {
        var add = await Cli.RunAsync(server.DataFolder, "clients", "add", "to-revoke", "--types", "birth-certificate", "--rate", "10");
        Assert.Equal(0, add.ExitCode);
        var key = add.Stdout.Trim();
        Assert.StartsWith("dhk_", key);
        using var http = server.Client(key);
        Assert.Equal(200, (await Json.GetAsync(http, "/v1/ping")).Status);

        var revoke = await Cli.RunAsync(server.DataFolder, "clients", "revoke", "to-revoke");
        Assert.Equal(0, revoke.ExitCode);
        // The server re-reads a known key at most once a second (Api:KeyCacheSeconds): poll until it has.
        var (status, _, body) = await Json.GetAsync(http, $"/v1/citizens/{MixedCitizen()}/documents");
        for (var attempt = 0; attempt < 40 && status == 200; attempt++)
        {
            await Task.Delay(250);
            (status, _, body) = await Json.GetAsync(http, $"/v1/citizens/{MixedCitizen()}/documents");
        }
        Assert.Equal(401, status);
        Assert.Contains("revoked", body.GetProperty("detail").GetString());

        var list = await Cli.RunAsync(server.DataFolder, "clients", "list");
        Assert.Contains("to-revoke", list.Stdout);
        Assert.DoesNotContain(key, list.Stdout);
        // Only the hash is stored.
        Assert.Empty(Ledger.Query(server.CatalogPath, $"SELECT name FROM api_clients WHERE key_hash = '{key}' OR name = '{key}'"));
    }

    [Fact]
    public async Task Type_outside_scope_is_403()
    {
        using var http = server.Client(server.ClerkKey);
        var (status, mediaType, body) = await Json.GetAsync(http, $"/v1/citizens/{MixedCitizen()}/documents?type=marriage-certificate");
        Assert.Equal(403, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Contains("may not read marriage-certificate", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Over_the_rate_limit_is_429_with_retry_after()
    {
        using var http = server.Client(server.AddClient("slow-" + Guid.NewGuid().ToString("N")[..6], ["birth-certificate"], 2));
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => http.GetAsync("/v1/ping")));
        try
        {
            var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
            Assert.NotEmpty(limited);
            Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
            Assert.True(limited[0].Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
            Assert.Equal("application/problem+json", limited[0].Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await limited[0].Content.ReadAsStringAsync());
            Assert.Contains("2 requests per second", problem.RootElement.GetProperty("detail").GetString());
        }
        finally
        {
            foreach (var r in responses) r.Dispose();
        }
    }
}
