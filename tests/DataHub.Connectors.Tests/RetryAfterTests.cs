using DataHub.AgencySimulator;

namespace DataHub.Connectors.Tests;

/// <summary>An agency that says "429, Retry-After: 2" is waited for, not hammered.</summary>
public sealed class RetryAfterTests
{
    [Fact]
    public async Task A_429_with_retry_after_2_is_waited_for_and_the_request_is_sent_once_more()
    {
        await using var sim = await Simulators.StartAsync(o => o with { RetryAfterSeconds = 2 });
        sim.Faults.Script("business-registration", FaultKind.TooManyRequests);
        using var ws = new Workspace();
        ws.AddNetworkConnector(Simulators.Business, sim.BaseAddress, Workspace.Resilience()).WriteConfig(batchSize: 1000);

        await using var hub = new InProcessHub(ws);
        var result = Assert.Single(await hub.SyncAsync());

        Assert.True(result.Succeeded, result.Error);
        var stats = sim.Agencies["business-registration"].Stats;
        Assert.Equal(1, stats.Faults[FaultKind.TooManyRequests]);
        // Two pages (500 + 248 records, offset paging) plus exactly one extra request: the one that got the 429.
        Assert.Equal(3, stats.Requests);
        var arrivals = stats.Arrivals;
        Assert.True(arrivals[1] - arrivals[0] >= TimeSpan.FromSeconds(1.9), $"the retry came {(arrivals[1] - arrivals[0]).TotalSeconds:0.00} s after the 429");
        Assert.Equal(748, result.Counts.Pulled);
    }
}
