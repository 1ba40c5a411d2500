using DataHub.Tests.Shared;

namespace DataHub.Integration.Tests.Sync;

public class CrashSafetyTests
{
    /// <summary>
    /// kill -9 at random points, again and again, then let a sync finish: the catalog, the ledger and the
    /// store must be exactly what one clean run produces — nothing lost, nothing duplicated.
    /// </summary>
    [Fact]
    public async Task Repeated_kill_minus_9_leaves_exactly_the_state_of_a_clean_run()
    {
        using var clean = new TempHome();
        using var crashed = new TempHome();
        foreach (var home in new[] { clean, crashed })
            Assert.Equal(0, home.Run("samples", "--count", "12000", "--seed", "11", "--records-per-file", "1500", "--out", home.Samples).ExitCode);
        var smallBatches = ("DATAHUB__Sync__BatchSize", "300");

        var reference = CliRunner.Run(["sync"], clean.Environment(smallBatches));
        Assert.True(reference.ExitCode == 0, reference.Stderr);

        // Each cycle is killed once its run has written 1,000–3,000 more ledger rows (of 12,000), wherever in a batch it
        // is then: a point in the work, not in time. Delays scaled to a clean run left too few kills whenever the clean
        // run and the killed ones met different loads on a shared machine.
        var random = new Random(20261123);
        var kills = 0;
        for (var cycle = 0; cycle < 8; cycle++)
        {
            var target = LedgerRows(crashed.Data) + random.Next(1000, 3000);
            using var process = CliRunner.Start(["sync"], crashed.Environment(smallBatches));
            while (!process.HasExited && LedgerRows(crashed.Data) < target) await Task.Delay(5);
            if (process.HasExited) continue;
            process.Kill(entireProcessTree: true); // SIGKILL: no cleanup, no flush
            await process.WaitForExitAsync();
            kills++;
        }
        Assert.True(kills >= 3, "the sync must have been killed mid-run several times for this test to mean anything");
        var final = CliRunner.Run(["sync"], crashed.Environment(smallBatches));
        Assert.True(final.ExitCode == 0, final.Stderr);

        Assert.Equal(CatalogQueries.PublishedState(clean.Data), CatalogQueries.PublishedState(crashed.Data));
        Assert.Equal(CatalogQueries.LedgerState(clean.Data), CatalogQueries.LedgerState(crashed.Data));
        Assert.Equal(Files(clean.Data), Files(crashed.Data));
        Assert.Equal(0, CatalogQueries.Scalar(crashed.Data, "SELECT COUNT(*) FROM all_document_versions WHERE version > 1"));
    }


    /// <summary>Ledger rows committed so far (0 before the catalog and its tables exist).</summary>
    private static long LedgerRows(string data)
    {
        if (!File.Exists(Path.Combine(data, "catalog.db"))) return 0;
        try
        {
            return CatalogQueries.Scalar(data, "SELECT COUNT(*) FROM ledger");
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0; // created meanwhile, not yet its tables
        }
    }

    /// <summary>Every stored file with its bytes' hash (temporary files included: there must be none left behind that matter).</summary>
    private static List<string> Files(string data)
    {
        var root = Path.Combine(data, "store");
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f) + " " + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
