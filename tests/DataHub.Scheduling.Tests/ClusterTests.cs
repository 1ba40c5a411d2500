using System.Globalization;
using System.Text.Json;

namespace DataHub.Scheduling.Tests;

/// <summary>Two real <c>datahub run</c> nodes on one real PostgreSQL (Quartz clustering).</summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Every_scheduled_firing_runs_exactly_once_across_two_nodes()
    {
        var every3s = "0/3 * * * * ?";
        using var site = await TestSite.CreateAsync(
            new Dictionary<string, string> { [TestSite.CivilStatus] = every3s, [TestSite.LandRegistry] = every3s, [TestSite.Business] = every3s },
            records: 150, recordsPerFile: 50, Nodes.ClusterSettings(postgres.CreateDatabase()));
        var connectors = new[] { TestSite.CivilStatus, TestSite.LandRegistry, TestSite.Business };
        using var a = await Nodes.StartAsync(site, "node-a", connectors);
        using var b = await Nodes.StartAsync(site, "node-b", connectors);
        var catalog = site.Catalog();

        await Wait.Until(() => connectors.All(c => Nodes.Runs(catalog, c).Count(r => r.Status == "succeeded" && r.Trigger.StartsWith("schedule@", StringComparison.Ordinal)) >= 6),
            TimeSpan.FromSeconds(120), "six scheduled runs of every connector", () => Nodes.Describe(Nodes.Runs(catalog)) + a.Output + b.Output);
        await a.StopAsync();
        await b.StopAsync();

        var runs = Nodes.Runs(catalog);
        foreach (var connector in connectors)
        {
            var scheduled = runs.Where(r => r.Connector == connector && r.Trigger.StartsWith("schedule@", StringComparison.Ordinal)).ToList();
            // Exactly once: no firing ran on both nodes (or twice on one).
            var duplicates = scheduled.GroupBy(r => r.Trigger).Where(g => g.Count() > 1).ToList();
            Assert.True(duplicates.Count == 0, $"firings that ran more than once:{Environment.NewLine}{Nodes.Describe(duplicates.SelectMany(g => g))}");
            // And every firing ran: the fire times are every 3 s without a gap.
            var fireTimes = scheduled.Select(r => DateTimeOffset.Parse(r.Trigger["schedule@".Length..], CultureInfo.InvariantCulture)).Order().ToList();
            for (var i = 1; i < fireTimes.Count; i++)
                Assert.True(fireTimes[i] - fireTimes[i - 1] == TimeSpan.FromSeconds(3), $"{connector}: firing after {fireTimes[i - 1]:HH:mm:ss} missing{Environment.NewLine}{Nodes.Describe(scheduled)}");
            Assert.All(scheduled, r => Assert.Contains(r.Node, new[] { "node-a", "node-b" }));
        }
        Assert.DoesNotContain(runs, r => r.Status == "failed");
    }

    [Fact]
    public async Task A_node_killed_mid_run_has_its_job_recovered_by_the_other_and_the_documents_equal_a_clean_run()
    {
        var settings = new Dictionary<string, string>(Nodes.ClusterSettings(postgres.CreateDatabase())) { ["Sync:BatchSize"] = "25" };
        using var site = await TestSite.CreateAsync(new Dictionary<string, string> { [TestSite.CivilStatus] = "0 0 1 * * ?" }, records: 4000, recordsPerFile: 200, settings);
        using var a = await Nodes.StartAsync(site, "node-a", TestSite.CivilStatus);
        using var b = await Nodes.StartAsync(site, "node-b", TestSite.CivilStatus);
        var catalog = site.Catalog();

        var triggered = await DataHubProcess.RunAsync(site.ConfigFile, null, "trigger", TestSite.CivilStatus);
        Assert.True(triggered.ExitCode == 0, triggered.ToString());
        var victim = await Wait.For(() => Nodes.Runs(catalog).FirstOrDefault(r => r.Status == "running" && r.Counts.Pulled >= 100), TimeSpan.FromSeconds(90),
            "the triggered run to make progress", () => Nodes.Describe(Nodes.Runs(catalog)));
        var (killed, survivor) = victim.Node == "node-a" ? (a, b) : (b, a);
        killed.KillHard();

        var recovered = await Wait.For(() => Nodes.Runs(catalog).FirstOrDefault(r => r.Trigger.StartsWith("recovery ", StringComparison.Ordinal) && r.Status is "succeeded" or "failed"),
            TimeSpan.FromSeconds(150), "the other node to recover the killed run", () => Nodes.Describe(Nodes.Runs(catalog)) + survivor.Output);
        Assert.Equal("succeeded", recovered.Status);
        Assert.Equal(survivor.Name, recovered.Node);
        Assert.Equal(victim.Trigger, recovered.Trigger["recovery ".Length..]);

        // The run of the dead node is left 'running'; the health check ends it as stuck.
        var status = await DataHubProcess.RunAsync(site.ConfigFile, new Dictionary<string, string> { ["DATAHUB__Scheduler__StuckAfter"] = "00:00:01" }, "status", "--format", "json");
        using (var report = JsonDocument.Parse(status.Output))
        {
            Assert.Contains(report.RootElement.GetProperty("stuckRuns").EnumerateArray(), r => r.GetProperty("runId").GetInt64() == victim.RunId);
            Assert.True(report.RootElement.GetProperty("daemonRunning").GetBoolean(), status.ToString());
        }
        Assert.Equal("stuck", Nodes.Runs(catalog).Single(r => r.RunId == victim.RunId).Status);
        await survivor.StopAsync();

        var clean = site.CloneConfig("clean", new Dictionary<string, string> { ["Catalog:Kind"] = "sqlite", ["Scheduler:Store"] = "sqlite", ["Data:Directory"] = "clean-data" });
        var sync = await DataHubProcess.RunAsync(clean, null, "sync");
        Assert.True(sync.ExitCode == 0, sync.ToString());
        var expected = TestSite.Documents(TestSite.CatalogFor(new Dictionary<string, string> { ["Data:Directory"] = "clean-data" }, site.Dir));
        var actual = TestSite.Documents(catalog);
        Assert.True(expected.Count > 1500, $"clean run published only {expected.Count} documents");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task A_partitioned_backfill_is_spread_over_the_nodes_and_covers_every_unit_once()
    {
        using var site = await TestSite.CreateAsync(new Dictionary<string, string> { [TestSite.CivilStatus] = "0 0 1 * * ?" }, records: 1600, recordsPerFile: 100,
            new Dictionary<string, string>(Nodes.ClusterSettings(postgres.CreateDatabase())) { ["Scheduler:MaxConcurrency"] = "1" });
        using var a = await Nodes.StartAsync(site, "node-a", TestSite.CivilStatus);
        using var b = await Nodes.StartAsync(site, "node-b", TestSite.CivilStatus);
        var catalog = site.Catalog();

        var triggered = await DataHubProcess.RunAsync(site.ConfigFile, null, "trigger", TestSite.CivilStatus, "--partitions", "4");
        Assert.True(triggered.ExitCode == 0, triggered.ToString());
        await Wait.Until(() => Nodes.Runs(catalog).Count(r => r.Trigger.StartsWith("backfill ", StringComparison.Ordinal) && r.Status != "running") == 4,
            TimeSpan.FromSeconds(120), "four partition runs", () => Nodes.Describe(Nodes.Runs(catalog)) + a.Output + b.Output);
        await a.StopAsync();
        await b.StopAsync();

        var partitions = Nodes.Runs(catalog).Where(r => r.Trigger.StartsWith("backfill ", StringComparison.Ordinal)).ToList();
        Assert.All(partitions, r => Assert.Equal("succeeded", r.Status));
        Assert.Equal(4, partitions.Select(r => r.Trigger.Split('@')[0]).Distinct().Count());
        // One worker per node and four partitions: the cluster gave both nodes work.
        Assert.Equal(2, partitions.Select(r => r.Node).Distinct().Count());
        // Every generated record read by exactly one partition.
        Assert.Equal(800, partitions.Sum(r => r.Counts.Pulled));

        var clean = site.CloneConfig("clean", new Dictionary<string, string> { ["Catalog:Kind"] = "sqlite", ["Scheduler:Store"] = "sqlite", ["Data:Directory"] = "clean-data" });
        var sync = await DataHubProcess.RunAsync(clean, null, "sync");
        Assert.True(sync.ExitCode == 0, sync.ToString());
        Assert.Equal(TestSite.Documents(TestSite.CatalogFor(new Dictionary<string, string> { ["Data:Directory"] = "clean-data" }, site.Dir)), TestSite.Documents(catalog));
    }
}
