namespace DataHub.Connectors.Tests;

/// <summary>Cursor-based incremental pulls: nothing again when nothing changed, new versions for late corrections.</summary>
public sealed class IncrementalTests
{
    [Fact]
    public async Task A_second_sync_pulls_nothing_and_late_corrections_become_new_versions()
    {
        await using var sim = await Simulators.StartAsync();
        using var ws = new Workspace();
        foreach (var name in Simulators.All) ws.AddNetworkConnector(name, sim.BaseAddress, m => { Workspace.Resilience()(m); Workspace.PageSize(200)(m); });
        ws.WriteConfig(batchSize: 500);
        await using var hub = new InProcessHub(ws);

        Assert.All(await hub.SyncAsync(), r => Assert.True(r.Succeeded, r.Error));
        var first = CatalogSnapshot.Read(ws.CatalogPath);
        Assert.All(await hub.SyncAsync(), r => Assert.Equal(0, r.Counts.Pulled));

        var corrected = new Dictionary<string, IReadOnlyList<string>>
        {
            [Simulators.CivilStatus] = sim.Mutate("civil-status", 4),
            [Simulators.Business] = sim.Mutate("business-registration", 3),
            [Simulators.Land] = sim.Mutate("land-registry", 3),
        };
        var results = await hub.SyncAsync();
        Assert.All(results, r => Assert.Equal(corrected[r.Connector].Count, r.Counts.Pulled));

        var after = CatalogSnapshot.Read(ws.CatalogPath);
        var wasPublished = corrected.SelectMany(c => c.Value.Select(id => $"{c.Key}|{id}")).Count(key => first.LedgerStates[key] == "published");
        Assert.True(wasPublished >= 7, "most corrected records should have been published documents");
        Assert.Equal(wasPublished, after.Current.Count(d => d.Value.Version == 2));
        Assert.Equal(first.VersionRows + wasPublished, after.VersionRows);
        Assert.Equal(first.LedgerStates.Count, after.LedgerStates.Count); // a correction updates its record's ledger row
    }
}
