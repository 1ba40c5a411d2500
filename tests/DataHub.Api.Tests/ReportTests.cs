using System.Diagnostics;
using System.Text.Json;

namespace DataHub.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class ReportTests(ApiServer server)
{
    private sealed record Expected(long Settled, long Digitized, long Pending, long Quarantined, long ByOcr);

    /// <summary>
    /// The report's figures recomputed here from raw ledger rows: a settled result is a document id (or a
    /// source record without one); it is digitized when any of its deliveries was published.
    /// </summary>
    private Dictionary<string, Expected> ExpectedBy(Func<Ledger.Row, string?> group)
    {
        var results = Ledger.ReadAll(server.CatalogPath).GroupBy(r => r.DocumentId ?? r.Connector + "|" + r.SourceRef).Select(g =>
        {
            var digitized = g.Any(r => r.State is "published" or "unchanged");
            var pending = !digitized && g.Any(r => r.State == "pending-review");
            var ocr = g.Any(r => r.State is "published" or "unchanged" && r.Method != "native");
            return (Group: g.Select(group).Where(x => x is not null).DefaultIfEmpty("(unknown)").Max(StringComparer.Ordinal)!, digitized, pending, ocr);
        });
        return results.GroupBy(r => r.Group).ToDictionary(g => g.Key, g => new Expected(g.Count(), g.Count(r => r.digitized), g.Count(r => r.pending),
            g.Count(r => !r.digitized && !r.pending), g.Count(r => r.ocr)));
    }

    [Theory]
    [InlineData("type")]
    [InlineData("agency")]
    public async Task Report_figures_equal_counts_from_the_ledger(string by)
    {
        var expected = ExpectedBy(by == "type" ? r => r.DocumentType : r => r.AgencyCode);
        using var http = server.Client(server.ClerkKey);
        var (status, _, body) = await Json.GetAsync(http, $"/v1/reports/digitization?by={by}&format=json");
        Assert.Equal(200, status);
        var rows = body.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("group").GetString()!);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        foreach (var (group, e) in expected)
        {
            var row = rows[group];
            Assert.Equal(e, new Expected(row.GetProperty("settled").GetInt64(), row.GetProperty("digitized").GetInt64(), row.GetProperty("pendingReview").GetInt64(),
                row.GetProperty("quarantined").GetInt64(), row.GetProperty("digitizedByOcr").GetInt64()));
        }
        var total = body.GetProperty("total");
        Assert.Equal(expected.Values.Sum(e => e.Settled), total.GetProperty("settled").GetInt64());
        Assert.Equal(expected.Values.Sum(e => e.Digitized), total.GetProperty("digitized").GetInt64());
        Assert.Equal(Ledger.ReadAll(server.CatalogPath).Count, body.GetProperty("records").GetProperty("pulled").GetInt64());
    }

    [Fact]
    public async Task Reuse_figures_equal_servings_in_the_access_log()
    {
        // Serve something first, so reuse is not trivially zero.
        var citizen = Ledger.Query(server.CatalogPath, "SELECT s.citizen_id FROM all_subjects s JOIN all_document_versions v ON v.doc_id = s.doc_id WHERE v.doc_type = 'land-use-right-certificate' LIMIT 1").Single()[0];
        using var http = server.Client(server.ClerkKey);
        Assert.Equal(200, (await Json.GetAsync(http, $"/v1/citizens/{citizen}/documents?validOn=any")).Status);

        var typeOf = Ledger.ReadAll(server.CatalogPath).Where(r => r.DocumentId is not null && r.State is "published" or "unchanged")
            .GroupBy(r => r.DocumentId!).ToDictionary(g => g.Key, g => g.First().DocumentType!);
        server.DrainAccessLog();
        var servings = Ledger.Query(server.AccessLogPath, "SELECT doc_ids FROM access_log WHERE status = 200 AND client NOT LIKE 'cli:%'")
            .SelectMany(r => r[0].Split(',', StringSplitOptions.RemoveEmptyEntries)).Where(typeOf.ContainsKey).ToList();

        var (_, _, body) = await Json.GetAsync(http, "/v1/reports/digitization?by=type");
        var rows = body.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("group").GetString()!);
        foreach (var type in typeOf.Values.Distinct())
        {
            var served = servings.Where(d => typeOf[d] == type).ToList();
            Assert.Equal(served.Count, rows[type].GetProperty("servings").GetInt64());
            Assert.Equal(served.Distinct().Count(), rows[type].GetProperty("reusedDocuments").GetInt64());
        }
        Assert.True(body.GetProperty("total").GetProperty("servings").GetInt64() > 0);
        Assert.Equal(servings.Count, body.GetProperty("total").GetProperty("servings").GetInt64());
    }

    [Fact]
    public async Task Drill_down_lists_the_records_behind_a_figure()
    {
        var expected = Ledger.ReadAll(server.CatalogPath).Where(r => r.DocumentType == "birth-certificate" && r.State == "quarantined")
            .Select(r => r.Connector + "|" + r.SourceRef).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        using var http = server.Client(server.ClerkKey);
        var (_, _, report) = await Json.GetAsync(http, "/v1/reports/digitization?by=type");
        var link = report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("group").GetString() == "birth-certificate")
            .GetProperty("records").GetProperty("quarantined").GetString()!;

        var (status, _, body) = await Json.GetAsync(http, link);
        Assert.Equal(200, status);
        var records = body.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("connector").GetString() + "|" + r.GetProperty("sourceRef").GetString())
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, records);
        Assert.All(body.GetProperty("records").EnumerateArray(), r => Assert.False(string.IsNullOrEmpty(r.GetProperty("reason").GetString())));
    }

    [Fact]
    public async Task Csv_report_has_the_same_totals()
    {
        var expected = ExpectedBy(r => r.DocumentType);
        using var http = server.Client(server.ClerkKey);
        using var response = await http.GetAsync("/v1/reports/digitization?by=type&format=csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("group,settled,digitized,rate", lines[0]);
        var total = lines.Single(l => l.StartsWith("total,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(expected.Values.Sum(e => e.Settled).ToString(System.Globalization.CultureInfo.InvariantCulture), total[1]);
        Assert.Equal(expected.Values.Sum(e => e.Digitized).ToString(System.Globalization.CultureInfo.InvariantCulture), total[2]);
    }

    [Fact]
    public async Task Bad_report_parameters_are_400_problems()
    {
        using var http = server.Client(server.ClerkKey);
        var (status, mediaType, body) = await Json.GetAsync(http, "/v1/reports/digitization?by=planet");
        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Contains("planet", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Html_report_renders_offline_in_headless_chromium_with_figures_and_charts()
    {
        var expected = ExpectedBy(r => r.DocumentType);
        using var http = server.Client(server.ClerkKey);
        using var response = await http.GetAsync("/v1/reports/digitization?by=type&format=html");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal));
        Assert.DoesNotContain("https://", html);

        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "report.html");
        await File.WriteAllTextAsync(file, html);
        var (exit, dom, log) = await Chromium(folder.Path, "--dump-dom", new Uri(file).AbsoluteUri);
        Assert.True(exit == 0, log);
        Assert.Contains("<svg id=\"rate-chart\"", dom);
        Assert.Contains("<svg id=\"state-chart\"", dom);
        Assert.Contains("class=\"bar\"", dom);
        var settled = expected.Values.Sum(e => e.Settled).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"Kết quả đã giải quyết / Settled<b>{settled}</b>", dom);
        Assert.Contains(">birth-certificate</td>", dom);
        // Drill-down: the quarantined figure links to the records carried in the page.
        Assert.Contains("<details id=\"quarantined-", dom);
        Assert.DoesNotContain("Refused to", log);
        Assert.DoesNotContain("Uncaught", log);

        var png = Path.Combine(folder.Path, "report.png");
        var (shotExit, _, shotLog) = await Chromium(folder.Path, "--screenshot=" + png, "--window-size=1200,1600", new Uri(file).AbsoluteUri);
        Assert.True(shotExit == 0, shotLog);
        Assert.True(new FileInfo(png).Length > 10_000, "the screenshot is blank");
    }

    [Fact]
    public async Task Cli_writes_the_same_html_report_to_a_file()
    {
        var expected = ExpectedBy(r => r.AgencyCode);
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "report.html");
        var run = await Cli.RunAsync(server.DataFolder, "report", "digitization", "--by", "agency", "--format", "html", "--out", file);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var html = await File.ReadAllTextAsync(file);
        Assert.Contains("<svg id=\"rate-chart\"", html);
        foreach (var agency in expected.Keys) Assert.Contains($"data-group=\"{agency}\"", html);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> Chromium(string profileParent, params string[] args)
    {
        var start = new ProcessStartInfo("/usr/bin/chromium") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--no-first-run", "--user-data-dir=" + Path.Combine(profileParent, "profile-" + Guid.NewGuid().ToString("N")) }.Concat(args))
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
