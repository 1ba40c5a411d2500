namespace DataHub.Api.Bench;

/// <summary>One load run against one endpoint: achieved rate, latency percentiles, errors.</summary>
public sealed record LoadResult(string Endpoint, string Tool, string Shape, long Requests, double RequestsPerSecond, double P50Ms, double P99Ms, long Errors);
