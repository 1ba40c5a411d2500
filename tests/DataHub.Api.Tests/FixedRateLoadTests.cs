using DataHub.Api.Bench;

namespace DataHub.Api.Tests;

/// <summary>The benchmark's open-loop generator, against the real API on loopback.</summary>
[Collection(ApiCollection.Name)]
public sealed class FixedRateLoadTests(ApiServer server)
{
    private Dictionary<string, string> Headers => new() { ["X-Api-Key"] = server.ClerkKey, ["X-Purpose"] = "test" };

    [Fact]
    public async Task Sends_every_request_at_its_due_time_never_faster_than_the_rate()
    {
        const int rate = 200;
        var result = await FixedRateLoad.RunAsync(server.BaseAddress, _ => "/v1/ping", Headers, rate, TimeSpan.FromSeconds(1), "ping");

        Assert.Equal(rate, result.Requests);
        Assert.Equal(0, result.Errors);
        // Open loop: request n leaves at n/rate, so the run cannot be shorter than (rate-1)/rate seconds.
        Assert.InRange(result.RequestsPerSecond, 1, rate * (double)rate / (rate - 1));
        Assert.True(result.P50Ms > 0);
        Assert.True(result.P99Ms >= result.P50Ms);
    }

    [Fact]
    public async Task Counts_responses_other_than_200_as_errors()
    {
        var result = await FixedRateLoad.RunAsync(server.BaseAddress, i => i % 2 == 0 ? "/v1/ping" : "/v1/citizens/123/documents", Headers, 100, TimeSpan.FromSeconds(1), "mixed");

        Assert.Equal(100, result.Requests);
        // Half the paths carry an invalid citizen ID (400); the warm-up requests are not counted.
        Assert.Equal(50, result.Errors);
    }
}
