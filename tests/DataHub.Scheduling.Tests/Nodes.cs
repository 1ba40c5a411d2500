using DataHub.Store.Catalog;

namespace DataHub.Scheduling.Tests;

/// <summary>Starting daemons of a test site and reading what they did.</summary>
public static class Nodes
{
    public static readonly TimeSpan Startup = TimeSpan.FromSeconds(60);

    public static async Task<DataHubProcess> StartAsync(TestSite site, string node, params string[] connectors)
    {
        var process = DataHubProcess.Start(node, site.ConfigFile, new Dictionary<string, string> { ["DATAHUB__Cluster__NodeName"] = node }, "run");
        // Ready once the registrar has put every connector's schedule in the store.
        await Wait.Until(() => process.HasExited || connectors.All(c => process.Output.Contains($"Connector {c}: ", StringComparison.Ordinal)),
            Startup, $"node {node} to register its schedules", () => process.Output);
        Assert.False(process.HasExited, $"node {node} exited during startup:{Environment.NewLine}{process.Output}");
        return process;
    }

    public static IReadOnlyList<RunRecord> Runs(SqlCatalog catalog, string? connector = null) =>
        catalog.ListRuns(connector, 10_000).OrderBy(r => r.RunId).ToList();

    public static string Describe(IEnumerable<RunRecord> runs) =>
        string.Join(Environment.NewLine, runs.Select(r => $"run {r.RunId} {r.Connector} [{r.Trigger}] on {r.Node}: {r.Status} pulled {r.Counts.Pulled} {r.StartedAt:HH:mm:ss.fff}-{r.FinishedAt:HH:mm:ss.fff} {r.Error}"));

    public static IReadOnlyDictionary<string, string> ClusterSettings(string connectionString) => new Dictionary<string, string>
    {
        ["Catalog:Kind"] = "postgresql",
        ["Catalog:ConnectionString"] = connectionString,
        ["Scheduler:Store"] = "postgresql",
        ["Scheduler:ConnectionString"] = connectionString,
        // Short check-ins so a killed node is declared dead within seconds, not the production 15 s.
        ["Cluster:CheckinInterval"] = "00:00:01",
        ["Cluster:CheckinMisfireThreshold"] = "00:00:04",
        ["Scheduler:IdleWaitTime"] = "00:00:01",
        ["Sync:Parallelism"] = "1",
    };
}
