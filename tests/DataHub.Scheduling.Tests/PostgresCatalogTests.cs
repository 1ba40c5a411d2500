using DataHub.Store.Catalog;

namespace DataHub.Scheduling.Tests;

/// <summary>The one SqlCatalog on PostgreSQL gives what it gives on SQLite, for the same sync.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCatalogTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Syncing_the_samples_into_PostgreSQL_gives_the_same_catalog_as_SQLite()
    {
        var cs = postgres.CreateDatabase();
        using var site = await TestSite.CreateAsync(new Dictionary<string, string>
            { [TestSite.CivilStatus] = "0 0 1 * * ?", [TestSite.LandRegistry] = "0 0 1 * * ?", [TestSite.Business] = "0 0 1 * * ?" }, 900, 150,
            new Dictionary<string, string> { ["Catalog:Kind"] = "postgresql", ["Catalog:ConnectionString"] = cs });
        var sqliteConfig = site.CloneConfig("sqlite", new Dictionary<string, string> { ["Catalog:Kind"] = "sqlite", ["Data:Directory"] = "sqlite-data" });

        var pg = await DataHubProcess.RunAsync(site.ConfigFile, null, "sync");
        var lite = await DataHubProcess.RunAsync(sqliteConfig, null, "sync");
        Assert.True(pg.ExitCode == 0, pg.ToString());
        Assert.True(lite.ExitCode == 0, lite.ToString());

        var onPg = site.Catalog();
        var onLite = TestSite.CatalogFor(new Dictionary<string, string> { ["Data:Directory"] = "sqlite-data" }, site.Dir);
        Assert.Equal(Counts(onLite), Counts(onPg));
        Assert.Equal(TestSite.Documents(onLite), TestSite.Documents(onPg));
        var all = new ReportQuery(null, null, ReportGrouping.Type);
        Assert.Equal(onLite.Report(all), onPg.Report(all));
        Assert.Equal(onLite.LedgerStates(all), onPg.LedgerStates(all));
        Assert.Equal(onLite.ReasonCounts(all), onPg.ReasonCounts(all));
        Assert.Equal(onLite.LedgerRows("quarantined", null, null, all, 1000).Select(r => r.SourceRef), onPg.LedgerRows("quarantined", null, null, all, 1000).Select(r => r.SourceRef));
        var subject = FirstSubject(onLite);
        Assert.Equal(onLite.FindByCitizen(subject, null, true).Select(d => (d.DocumentId, d.ContentHash)), onPg.FindByCitizen(subject, null, true).Select(d => (d.DocumentId, d.ContentHash)));
        Assert.NotEmpty(onPg.FindByCitizen(subject, null, false));

        // The CLI reads the PostgreSQL catalog too: run history and the auditor report.
        var runs = await DataHubProcess.RunAsync(site.ConfigFile, null, "runs");
        Assert.True(runs.ExitCode == 0 && runs.Output.Contains(TestSite.CivilStatus, StringComparison.Ordinal), runs.ToString());
        var report = await DataHubProcess.RunAsync(site.ConfigFile, null, "report", "digitization", "--format", "csv");
        var reportLite = await DataHubProcess.RunAsync(sqliteConfig, null, "report", "digitization", "--format", "csv");
        Assert.True(report.ExitCode == 0, report.ToString());
        Assert.Equal(reportLite.Output, report.Output);

        // The access log in PostgreSQL: two lookups logged, indexed behind the chain, and found again by citizen.
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var lookup = await DataHubProcess.RunAsync(site.ConfigFile, null, "lookup", subject);
            Assert.True(lookup.ExitCode == 0, lookup.ToString());
        }
        var who = await DataHubProcess.RunAsync(site.ConfigFile, null, "audit", "citizen", subject);
        Assert.True(who.ExitCode == 0, who.ToString());
        Assert.Equal(2, who.Output.Split('\n').Count(l => l.Contains("cli:", StringComparison.Ordinal)));
    }

    private static string FirstSubject(SqlCatalog catalog)
    {
        using var connection = catalog.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MIN(citizen_id) FROM all_subjects";
        return (string)command.ExecuteScalar()!;
    }

    private static List<(string, string, RunCounts)> Counts(SqlCatalog catalog) =>
        catalog.ListRuns(null, 100).Select(r => (r.Connector, r.Status, r.Counts)).OrderBy(x => x.Connector).ToList();
}
