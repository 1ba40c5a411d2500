using DataHub.Tests.Shared;

namespace DataHub.Integration.Tests.Sync;

public class ReindexTests
{
    [Fact]
    public void Deleting_the_catalog_and_reindexing_reproduces_the_document_index_and_flags_tampering()
    {
        using var home = new TempHome();
        home.Run("samples", "--count", "1200", "--seed", "5", "--out", home.Samples, "--no-broken-files");
        Assert.Equal(0, CliRunner.Run(["sync", "--connector", "quang-nam-civil-status", "--connector", "quang-nam-land-registry"], home.Environment()).ExitCode);
        home.Run("samples", "--count", "40", "--seed", "5", "--first-sequence", "1200", "--corrections", "10", "--out", home.Samples, "--no-broken-files");
        Assert.Equal(0, CliRunner.Run(["sync", "--connector", "quang-nam-civil-status", "--connector", "quang-nam-land-registry"], home.Environment()).ExitCode);
        var before = CatalogQueries.PublishedState(home.Data);
        var subjectsBefore = CatalogQueries.Query(home.Data, "SELECT citizen_id || ' ' || doc_id || ' ' || role FROM all_subjects ORDER BY 1", r => r.GetString(0));
        Assert.Contains(before, row => row.Contains(" v2 "));

        foreach (var file in Directory.GetFiles(home.Data, "catalog.db*")) File.Delete(file);
        var reindex = home.Run("reindex");
        Assert.True(reindex.ExitCode == 0, reindex.Stderr);
        Assert.Contains("0 inconsistencies", reindex.Stdout);
        Assert.Equal(before, CatalogQueries.PublishedState(home.Data));
        Assert.Equal(subjectsBefore, CatalogQueries.Query(home.Data, "SELECT citizen_id || ' ' || doc_id || ' ' || role FROM all_subjects ORDER BY 1", r => r.GetString(0)));

        // A version edited behind DataHub's back is reported.
        var victim = Directory.GetFiles(Path.Combine(home.Data, "store", "documents"), "v1.json", SearchOption.AllDirectories).First();
        File.WriteAllText(victim, File.ReadAllText(victim).Replace("\"status\":\"valid\"", "\"status\":\"revoked\""));
        var check = home.Run("reindex", "--dry-run");
        Assert.Contains("content does not match its hash", check.Stdout);
        Assert.Contains("in the catalog but not in the store", check.Stdout); // the unreadable version is missing from what the store can vouch for
    }
}
