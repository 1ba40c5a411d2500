namespace DataHub.Connectors.Tests;

/// <summary>kill -9 at random moments of network syncs, again and again: the end state is a clean run's.</summary>
public sealed class CrashSafetyTests
{
    [Fact]
    public async Task Twenty_kills_at_random_points_then_a_final_sync_equal_a_clean_run()
    {
        await using var sim = await Simulators.StartAsync(o => o with { LatencyMs = 30 });
        using var ws = Prepare(new Workspace(), sim.BaseAddress);
        var random = new Random(20261123);
        int killed = 0, finished = 0;
        for (var cycle = 0; cycle < 20; cycle++)
        {
            using var sync = CliProcess.Start(ws, "sync");
            if (sync.Process.WaitForExit(random.Next(300, 1600))) finished++;
            else
            {
                sync.Process.Kill(entireProcessTree: true); // SIGKILL: no finally blocks, no flush, no goodbye
                await sync.Process.WaitForExitAsync();
                killed++;
            }
        }
        var (exit, _, error) = await CliProcess.RunAsync(ws, "sync");
        Assert.True(exit == 0, error);
        Assert.True(killed >= 8, $"only {killed} of 20 cycles were killed mid-run ({finished} finished): the test did not exercise crashes");

        using var cleanWs = Prepare(new Workspace(), sim.BaseAddress);
        Assert.Equal(0, (await CliProcess.RunAsync(cleanWs, "sync")).Exit);

        var crashed = CatalogSnapshot.Read(ws.CatalogPath);
        var clean = CatalogSnapshot.Read(cleanWs.CatalogPath);
        Assert.Equal(clean.Current.OrderBy(d => d.Key), crashed.Current.OrderBy(d => d.Key));        // none lost, same content
        Assert.Equal(crashed.Current.Count, crashed.VersionRows);                                    // none duplicated as a spurious version
        Assert.Equal(0, crashed.SameContentTwice);
        Assert.Equal(clean.LedgerStates.OrderBy(l => l.Key), crashed.LedgerStates.OrderBy(l => l.Key));
        Assert.Equal(sim.Agencies.Values.Sum(a => a.Count), crashed.LedgerStates.Count);              // one ledger row per source record
    }

    private static Workspace Prepare(Workspace ws, string address)
    {
        foreach (var name in Simulators.All) ws.AddNetworkConnector(name, address, m => { Workspace.Resilience()(m); Workspace.PageSize(20)(m); });
        return ws.WriteConfig(batchSize: 60);
    }
}
