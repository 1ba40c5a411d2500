namespace DataHub.Store.AzureBlob;

/// <summary>How the blob client talks to the service; the resilience pipeline is built once from these.</summary>
public sealed record BlobRestClientOptions
{
    /// <summary>Pinned so behaviour does not change under us; Azurite 3.37 accepts up to 2026-06-06.</summary>
    public string ApiVersion { get; init; } = "2025-11-05";

    /// <summary>Retries after the first attempt; transient statuses, connection failures and attempt timeouts.</summary>
    public int MaxRetryAttempts { get; init; } = 6;

    /// <summary>First backoff step; it doubles per attempt, with jitter, up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Upper bound on a server's Retry-After: a confused server must not park a sync for an hour.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Per attempt, including reading the response body.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Share of failed attempts in <see cref="BreakerSamplingDuration"/> that opens the circuit.</summary>
    public double BreakerFailureRatio { get; init; } = 0.5;

    public int BreakerMinimumThroughput { get; init; } = 20;

    public TimeSpan BreakerSamplingDuration { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan BreakerBreakDuration { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Connection pool size; bounds the parallelism one node puts on the storage account.</summary>
    public int MaxConnectionsPerServer { get; init; } = 64;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
