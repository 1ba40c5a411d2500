using DataHub.AgencySimulator;

namespace DataHub.Connectors.Tests;

/// <summary>Faults at the agencies change nothing in what gets published: compared with a clean run of the same data.</summary>
public sealed class FaultToleranceTests
{
    [Fact]
    public async Task Thirty_percent_faults_of_every_kind_yield_exactly_the_clean_runs_documents()
    {
        var clean = await SyncAllAsync(errorRate: 0);
        var faulty = await SyncAllAsync(errorRate: 0.3);

        Assert.True(faulty.Results.All(r => r.Succeeded), string.Join("; ", faulty.Results.Select(r => $"{r.Connector}: {r.Error}")));
        foreach (var kind in Enum.GetValues<FaultKind>())
            Assert.True(faulty.Faults.GetValueOrDefault(kind) > 0, $"no {kind} was injected: the test did not exercise it");
        Assert.True(clean.Snapshot.Current.Count > 2900, $"the clean run published only {clean.Snapshot.Current.Count} documents");
        Assert.Equal(clean.Snapshot.Current.OrderBy(d => d.Key), faulty.Snapshot.Current.OrderBy(d => d.Key));
        Assert.Equal(clean.Snapshot.VersionRows, faulty.Snapshot.VersionRows);
        Assert.Equal(clean.Snapshot.LedgerStates.OrderBy(l => l.Key), faulty.Snapshot.LedgerStates.OrderBy(l => l.Key));
        Assert.Equal(clean.Records, faulty.Snapshot.LedgerStates.Count);
    }

    private static async Task<(CatalogSnapshot Snapshot, IReadOnlyList<Pipeline.Sync.ConnectorRunResult> Results, Dictionary<FaultKind, int> Faults, int Records)> SyncAllAsync(double errorRate)
    {
        // The attempt timeout (1 s) must cut the simulator's hung requests (3 s).
        await using var sim = await Simulators.StartAsync(o => o with { ErrorRate = errorRate, HangSeconds = 3, Seed = 30 });
        // Every kind at least once (a random draw over ~60 requests could miss one), then 30 % at random.
        if (errorRate > 0) sim.Faults.Script("civil-status", [.. Enum.GetValues<FaultKind>().Reverse()]);
        using var ws = new Workspace();
        foreach (var name in Simulators.All) ws.AddNetworkConnector(name, sim.BaseAddress, m => { Workspace.Resilience(attemptTimeout: 1)(m); Workspace.PageSize(100)(m); });
        ws.WriteConfig(batchSize: 250);
        IReadOnlyList<Pipeline.Sync.ConnectorRunResult> results;
        await using (var hub = new InProcessHub(ws)) results = await hub.SyncAsync();
        var faults = sim.Agencies.Values.SelectMany(a => a.Stats.Faults).GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.Sum(x => x.Value));
        return (CatalogSnapshot.Read(ws.CatalogPath), results, faults, sim.Agencies.Values.Sum(a => a.Count));
    }
}
