namespace DataHub.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class AccessLogTests(ApiServer server)
{
    [Fact]
    public async Task Lookups_and_document_reads_are_logged_with_client_purpose_citizen_and_documents()
    {
        var citizen = Ledger.Query(server.CatalogPath, """
            SELECT s.citizen_id FROM all_subjects s JOIN all_document_versions v ON v.doc_id = s.doc_id
            WHERE v.doc_type = 'birth-certificate' AND v.is_current = 1 ORDER BY s.citizen_id DESC LIMIT 1
            """).Single()[0];
        var name = "auditee-" + Guid.NewGuid().ToString("N")[..8];
        using var http = server.Client(server.AddClient(name, ["birth-certificate"], 100), purpose: Uri.EscapeDataString("hồ sơ 000.00.20.H47-261123-0001"));

        var (status, _, body) = await Json.GetAsync(http, $"/v1/citizens/{citizen}/documents?validOn=any");
        Assert.Equal(200, status);
        var returned = body.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("documentId").GetString()!).Distinct().ToList();
        Assert.NotEmpty(returned);
        Assert.Equal(200, (await Json.GetAsync(http, $"/v1/documents/{returned[0]}")).Status);

        server.DrainAccessLog();
        var rows = Ledger.Query(server.AccessLogPath, $"SELECT endpoint, purpose, citizen_id, doc_ids, status FROM access_log WHERE client = '{name}' ORDER BY seq");
        Assert.Equal(2, rows.Count);
        Assert.Equal(["GET /v1/citizens/{citizenId}/documents", "hồ sơ 000.00.20.H47-261123-0001", citizen, string.Join(',', returned), "200"], rows[0]);
        Assert.Equal(["GET /v1/documents/{documentId}", "hồ sơ 000.00.20.H47-261123-0001", "", returned[0], "200"], rows[1]);

        var who = await Cli.RunAsync(server.DataFolder, "audit", "citizen", citizen);
        Assert.Equal(0, who.ExitCode);
        Assert.Equal(2, who.Stdout.Split('\n').Count(l => l.Contains(name)));

        var verify = await Cli.RunAsync(server.DataFolder, "audit", "verify");
        Assert.True(verify.ExitCode == 0, verify.Stderr);
        Assert.Contains("access log intact", verify.Stdout);
    }

    [Fact]
    public async Task Cli_lookup_is_logged_as_the_operating_system_user()
    {
        var citizen = Ledger.Query(server.CatalogPath, "SELECT citizen_id FROM all_subjects ORDER BY citizen_id LIMIT 1 OFFSET 7").Single()[0];
        var lookup = await Cli.RunAsync(server.DataFolder, "lookup", citizen, "--valid-on", "any", "--purpose", "kiểm tra");
        Assert.True(lookup.ExitCode == 0, lookup.Stderr);
        var rows = Ledger.Query(server.AccessLogPath, $"SELECT client, purpose, endpoint FROM access_log WHERE citizen_id = '{citizen}' AND client LIKE 'cli:%'");
        Assert.Contains(rows, r => r[0] == "cli:" + Environment.UserName && r[1] == "kiểm tra" && r[2] == "cli lookup");
    }
}
