using System.Text.Json;
using System.Text.RegularExpressions;
using DataHub.Tests.Shared;

namespace DataHub.Integration.Tests.Sync;

/// <summary>Syncs the bundled samples once, with the real CLI, into a fresh data folder.</summary>
public sealed class BundledSamplesFixture : IDisposable
{
    private readonly TempFolder _folder = new("datahub-samples");

    public BundledSamplesFixture()
    {
        First = CliRunner.Run(["sync", "--data", Data]);
        Second = CliRunner.Run(["sync", "--data", Data]);
    }

    public string Data => _folder.Path;
    public CliRunner.Result First { get; }
    public CliRunner.Result Second { get; }

    public void Dispose() => _folder.Dispose();
}

/// <summary>One sync of the bundled samples shared by every test class that reads it.</summary>
[CollectionDefinition(Name)]
public sealed class BundledSamplesCollection : ICollectionFixture<BundledSamplesFixture>
{
    public const string Name = "bundled samples";
}

[Collection(BundledSamplesCollection.Name)]
public class BundledSamplesSyncTests(BundledSamplesFixture fixture)
{
    private string Data => fixture.Data;

    [Fact]
    public void The_first_sync_succeeds_and_its_counts_reconcile()
    {
        Assert.True(fixture.First.ExitCode == 0, fixture.First.Stderr);
        var total = Regex.Match(fixture.First.Stdout, @"total: ([\d,]+) pulled = ([\d,]+) published \+ ([\d,]+) unchanged \+ ([\d,]+) quarantined \+ ([\d,]+) pending review");
        Assert.True(total.Success, fixture.First.Stdout);
        long N(int g) => long.Parse(total.Groups[g].Value.Replace(",", ""));
        Assert.Equal(N(1), N(2) + N(3) + N(4) + N(5));
        Assert.True(N(2) > 2500, "most sample records are good and must publish");
        Assert.DoesNotContain("DOES NOT RECONCILE", fixture.First.Stdout);
    }

    [Fact]
    public void Every_source_record_has_exactly_one_ledger_row()
    {
        // Counted independently from the files: one maHoSo per civil-status record (the broken-off tail has
        // one too), one GiayChungNhan element per land certificate, one line per CSV row.
        var samples = Path.Combine(RepoPaths.Root, "samples");
        var civil = Directory.GetFiles(Path.Combine(samples, "civil-status"), "*.json").Sum(f => Regex.Matches(File.ReadAllText(f), "\"maHoSo\"").Count);
        var land = Directory.GetFiles(Path.Combine(samples, "land-registry"), "*.xml").Sum(f => Regex.Matches(File.ReadAllText(f), "<GiayChungNhan[ >]").Count);
        var business = Directory.GetFiles(Path.Combine(samples, "business-registration"), "*.csv").Sum(f => File.ReadAllLines(f).Length - 1);
        Assert.Equal(civil, CatalogQueries.Scalar(Data, "SELECT COUNT(*) FROM ledger WHERE connector = 'quang-nam-civil-status'"));
        Assert.Equal(land, CatalogQueries.Scalar(Data, "SELECT COUNT(*) FROM ledger WHERE connector = 'quang-nam-land-registry'"));
        Assert.Equal(business, CatalogQueries.Scalar(Data, "SELECT COUNT(*) FROM ledger WHERE connector = 'quang-nam-business-registration'"));
    }

    [Fact]
    public void Every_kind_of_bad_record_is_held_back_with_a_readable_reason()
    {
        var held = CatalogQueries.Query(Data, "SELECT state, reason_code, reason FROM ledger WHERE state IN ('quarantined', 'pending-review')",
            r => (State: r.GetString(0), Code: r.GetString(1), Reason: r.GetString(2)));
        Assert.All(held, h => Assert.False(string.IsNullOrWhiteSpace(h.Reason)));
        Assert.All(held, h => Assert.NotEqual("other", h.Code));
        var codes = held.Select(h => h.Code).ToHashSet();
        foreach (var expected in new[] { "invalid-citizen-id", "impossible-date", "future-date", "missing-field", "malformed-record", "path-like-id", "unknown-document-type", "too-long", "duplicate-result-number" })
            Assert.Contains(expected, codes);
        Assert.Contains(held, h => h.State == "pending-review" && h.Code == "identity-mismatch");
        Assert.Contains(held, h => h.Reason.Contains("unknown province code 003"));
        Assert.Contains(held, h => h.Reason.Contains("is not a calendar date"));
        Assert.Contains(held, h => h.Reason.Contains("broken JSON"));
        Assert.Contains(held, h => h.Reason.Contains("broken XML"));
        Assert.Contains(held, h => h.Reason.Contains("header has 17"));
    }

    [Fact]
    public void A_second_sync_publishes_nothing_new()
    {
        Assert.True(fixture.Second.ExitCode == 0, fixture.Second.Stderr);
        Assert.Contains("total: 0 pulled = 0 published", fixture.Second.Stdout);
        Assert.Equal(0, CatalogQueries.Scalar(Data, "SELECT COUNT(*) FROM all_document_versions WHERE version > 1"));
    }

    [Fact]
    public void Legacy_tcvn3_rows_are_repaired_and_the_repair_is_recorded()
    {
        var csv = Directory.GetFiles(Path.Combine(RepoPaths.Root, "samples", "business-registration"), "*.csv").Single();
        // A TCVN3 row (the owner's middle name "Thị" typed in .VnTime reads "ThÞ") that was published.
        var published = CatalogQueries.Query(Data, "SELECT result_number, doc_id FROM all_document_versions WHERE doc_type = 'household-business-registration'", r => (r.GetString(0), r.GetString(1)))
            .ToDictionary(x => x.Item1, x => x.Item2);
        var docId = File.ReadLines(csv).Skip(1).Where(l => l.Contains("ThÞ")).Select(l => l.Split(',')[0]).Where(published.ContainsKey).Select(n => published[n]).First();
        var stored = Directory.GetFiles(Path.Combine(Data, "store", "documents", docId[..2], docId), "v1.json").Single();
        using var json = JsonDocument.Parse(File.ReadAllText(stored));
        var ownerName = json.RootElement.GetProperty("document").GetProperty("fields").GetProperty("ownerName").GetString()!;
        Assert.Contains("Thị", ownerName);
        Assert.DoesNotContain("Þ", ownerName);
        var repairs = json.RootElement.GetProperty("provenance").GetProperty("repairs").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("ownerName: repaired from Tcvn3", repairs);
    }

    [Fact]
    public void Lookup_lists_a_citizens_documents_and_refuses_invalid_ids()
    {
        var citizen = CatalogQueries.Query(Data, "SELECT citizen_id FROM all_subjects WHERE role = 'registrant' ORDER BY citizen_id LIMIT 1", r => r.GetString(0)).Single();
        var expected = CatalogQueries.Query(Data, $"SELECT doc_id FROM all_subjects WHERE citizen_id = '{citizen}' ORDER BY 1", r => r.GetString(0));
        var lookup = CliRunner.Run(["lookup", citizen, "--format", "json", "--valid-on", "any", "--data", Data]);
        Assert.True(lookup.ExitCode == 0, lookup.Stderr);
        using var json = JsonDocument.Parse(lookup.Stdout);
        var found = json.RootElement.EnumerateArray().Select(d => d.GetProperty("documentId").GetString()!).Order().ToList();
        Assert.Equal(expected, found);
        Assert.All(json.RootElement.EnumerateArray(), d =>
            Assert.Contains(d.GetProperty("document").GetProperty("subjects").EnumerateArray(), s => s.GetProperty("citizenId").GetString() == citizen));

        var invalid = CliRunner.Run(["lookup", "04912345678", "--data", Data]);
        Assert.Equal(2, invalid.ExitCode);
        Assert.Contains("citizen ID must have 12 digits", invalid.Stderr);
        Assert.DoesNotContain("   at ", invalid.Stderr); // one clear line, no stack trace
    }

    [Fact]
    public void The_report_counts_what_the_ledger_holds()
    {
        var report = CliRunner.Run(["report", "digitization", "--format", "json", "--by", "type", "--data", Data]);
        Assert.True(report.ExitCode == 0, report.Stderr);
        using var json = JsonDocument.Parse(report.Stdout);
        var total = json.RootElement.GetProperty("total");
        long T(string name) => total.GetProperty(name).GetInt64();
        Assert.Equal(T("settled"), T("digitized") + T("pendingReview") + T("quarantined"));
        Assert.Equal(CatalogQueries.Scalar(Data, "SELECT COUNT(*) FROM ledger"), json.RootElement.GetProperty("records").GetProperty("pulled").GetInt64());
        Assert.Equal(CatalogQueries.Scalar(Data, "SELECT COUNT(DISTINCT doc_id) FROM ledger WHERE state IN ('published', 'unchanged')"), T("digitized"));
        var birth = json.RootElement.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("group").GetString() == "birth-certificate");
        Assert.Equal(CatalogQueries.Scalar(Data, "SELECT COUNT(*) FROM all_document_versions WHERE doc_type = 'birth-certificate'"), birth.GetProperty("digitized").GetInt64());
    }
}
