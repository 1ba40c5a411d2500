using System.Text.RegularExpressions;
using DataHub.Tests.Shared;

namespace DataHub.Integration.Tests.Sync;

public class IncrementalSyncTests
{
    [Fact]
    public void A_nightly_delta_reads_only_the_new_export_and_corrections_become_new_versions()
    {
        using var home = new TempHome();
        Assert.Equal(0, home.Run("samples", "--count", "4000", "--seed", "7", "--out", home.Samples, "--no-broken-files", "--bad-rate", "0").ExitCode);
        var full = home.Run("sync");
        Assert.True(full.ExitCode == 0, full.Stderr);
        Assert.Contains("total: 4,000 pulled = 4,000 published", full.Stdout);

        // The delta: 40 new results plus 10 late corrections of results published last night.
        Assert.Equal(0, home.Run("samples", "--count", "40", "--seed", "7", "--first-sequence", "4000", "--corrections", "10", "--out", home.Samples, "--no-broken-files", "--bad-rate", "0").ExitCode);
        var delta = home.Run("sync");
        Assert.True(delta.ExitCode == 0, delta.Stderr);
        var total = Regex.Match(delta.Stdout, @"total: ([\d,]+) pulled = ([\d,]+) published \+ ([\d,]+) unchanged");
        Assert.Equal("50", total.Groups[1].Value); // only the new files were read: no scan of the 4,000
        Assert.Equal("50", total.Groups[2].Value);

        var superseded = CatalogQueries.Query(home.Data, "SELECT doc_id FROM all_document_versions WHERE version = 1 AND is_current = 0", r => r.GetString(0));
        Assert.Equal(10, superseded.Count);
        foreach (var docId in superseded)
        {
            // The old version stays readable; the new one is current.
            Assert.True(File.Exists(Path.Combine(home.Data, "store", "documents", docId[..2], docId, "v1.json")));
            Assert.True(File.Exists(Path.Combine(home.Data, "store", "documents", docId[..2], docId, "v2.json")));
            Assert.Equal("2", File.ReadAllText(Path.Combine(home.Data, "store", "documents", docId[..2], docId, "current")));
        }
        Assert.Equal(4040, CatalogQueries.Scalar(home.Data, "SELECT COUNT(*) FROM all_document_versions WHERE is_current = 1"));

        var again = home.Run("sync");
        Assert.Contains("total: 0 pulled", again.Stdout);
    }

    [Fact]
    public void A_replaced_export_is_read_again_and_identical_records_are_unchanged()
    {
        using var home = new TempHome();
        home.Run("samples", "--count", "1000", "--seed", "3", "--out", home.Samples, "--no-broken-files", "--bad-rate", "0");
        Assert.Equal(0, home.Run("sync").ExitCode);
        var file = Directory.GetFiles(Path.Combine(home.Samples, "land-registry")).Single();
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(5)); // the agency re-delivered the same export
        var again = home.Run("sync");
        Assert.Matches(@"quang-nam-land-registry\s+ok\s+250\s+0\s+250", again.Stdout);
        Assert.Contains("total: 250 pulled = 0 published + 250 unchanged", again.Stdout);
        Assert.Equal(0, CatalogQueries.Scalar(home.Data, "SELECT COUNT(*) FROM all_document_versions WHERE version > 1"));
    }

    [Fact]
    public void Deliveries_of_one_result_in_consecutive_batches_see_each_other_before_the_catalog_commit()
    {
        // With one record per batch, a batch is decided while the previous one's commit may still be running
        // in the background: the repeat must be "unchanged" and the conflicting copy quarantined, exactly as
        // if the first delivery were already in the catalog (not a second version 1, not a silent overwrite).
        using var home = new TempHome();
        Assert.Equal(0, home.Run("samples", "--count", "40", "--seed", "11", "--out", home.Samples, "--no-broken-files", "--bad-rate", "0").ExitCode);
        var file = Directory.GetFiles(Path.Combine(home.Samples, "civil-status")).Order(StringComparer.Ordinal).First();
        var records = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file))!.AsArray();
        var index = records.Select((r, i) => (r, i)).First(x => x!.r!["nguoiDuocKhaiSinh"] is not null).i;
        var repeat = records[index]!.DeepClone();
        var conflicting = records[index]!.DeepClone();
        conflicting["nguoiDuocKhaiSinh"]!["noiSinh"] = "Trạm Y tế xã Tam Xuân 1";
        records.Insert(index + 1, repeat);
        records.Insert(index + 2, conflicting);
        File.WriteAllText(file, records.ToJsonString());

        var sync = CliRunner.Run(["sync"], home.Environment(("DATAHUB__Sync__BatchSize", "1")));
        Assert.True(sync.ExitCode == 0, sync.Stderr);
        Assert.Contains("total: 42 pulled = 40 published + 1 unchanged + 1 quarantined + 0 pending review", sync.Stdout);
        Assert.Equal(40, CatalogQueries.Scalar(home.Data, "SELECT COUNT(*) FROM all_document_versions"));
        Assert.Equal(1, CatalogQueries.Scalar(home.Data, "SELECT COUNT(*) FROM ledger WHERE state = 'quarantined' AND reason LIKE 'duplicate result number%'"));
    }
}
