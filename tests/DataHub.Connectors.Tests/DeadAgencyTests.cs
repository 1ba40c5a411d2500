namespace DataHub.Connectors.Tests;

/// <summary>An agency that is down fails its own connector, quickly and clearly; the others complete.</summary>
public sealed class DeadAgencyTests
{
    [Fact]
    public async Task A_dead_agency_opens_its_circuit_within_the_window_fails_alone_and_the_cli_exits_non_zero()
    {
        await using var sim = await Simulators.StartAsync(o => o with { Down = ["land-registry"] });
        using var ws = new Workspace();
        ws.AddNetworkConnector(Simulators.CivilStatus, sim.BaseAddress, Workspace.Resilience())
          .AddNetworkConnector(Simulators.Business, sim.BaseAddress, Workspace.Resilience())
          .AddNetworkConnector(Simulators.Land, sim.BaseAddress, Workspace.Resilience(maxRetries: 10, failureRatio: 0.5, minimumThroughput: 4))
          .WriteConfig(batchSize: 1000);

        var (exit, output, error) = await CliProcess.RunAsync(ws, "sync");

        Assert.Equal(1, exit);
        Assert.Contains($"connector {Simulators.Land} failed", error);
        Assert.Contains("circuit open", error);
        Assert.DoesNotContain("   at ", error); // one clear line, no stack trace
        // The breaker opened after the 4 failures its window needs, although 10 retries were allowed: the agency was not hammered.
        Assert.Equal(4, sim.Agencies["land-registry"].Stats.Requests);

        var runs = CatalogSnapshot.Read(ws.CatalogPath).Runs;
        var land = Assert.Single(runs, r => r.Connector == Simulators.Land);
        Assert.Equal("failed", land.Status);
        Assert.Contains("circuit open", land.Error);
        Assert.Contains("503", land.Error);
        Assert.All(runs.Where(r => r.Connector != Simulators.Land), r => Assert.Equal("succeeded", r.Status));
        Assert.Contains(Simulators.CivilStatus, output);
    }
}
