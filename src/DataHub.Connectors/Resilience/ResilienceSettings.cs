using System.Text.Json;
using DataHub.Connectors.Manifests;

namespace DataHub.Connectors.Resilience;

/// <summary>
/// The manifest's <c>resilience</c> section: what one agency's system tolerates and how long we wait
/// for it. Every key is optional; the defaults suit a slow provincial system that allows ~10 calls/s.
/// </summary>
// A misspelt key is an error at start-up, not a setting silently left at its default.
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record ResilienceSettings
{
    /// <summary>Requests per second the agency allows (token bucket, shared by every connector of the agency).</summary>
    public double RequestsPerSecond { get; init; } = 10;
    /// <summary>Requests that may go out back to back after an idle spell; defaults to one second's worth.</summary>
    public int? Burst { get; init; }
    /// <summary>Upper bound for one logical call, all retries and waits included.</summary>
    public double TotalTimeoutSeconds { get; init; } = 180;
    /// <summary>Upper bound for one attempt (a hung connection is cut here and retried).</summary>
    public double AttemptTimeoutSeconds { get; init; } = 30;
    public int MaxRetries { get; init; } = 5;
    /// <summary>First backoff; doubles per attempt, with ±25 % jitter.</summary>
    public double BaseDelayMs { get; init; } = 500;
    public double MaxDelaySeconds { get; init; } = 30;
    /// <summary>A Retry-After above this is clamped (an agency asking for an hour should not stall the night).</summary>
    public double MaxRetryAfterSeconds { get; init; } = 60;
    /// <summary>Circuit breaker: share of failed attempts within the sampling window that opens the circuit.</summary>
    public double FailureRatio { get; init; } = 0.5;
    public double SamplingSeconds { get; init; } = 30;
    /// <summary>Attempts the window must hold before the ratio counts.</summary>
    public int MinimumThroughput { get; init; } = 8;
    public double BreakSeconds { get; init; } = 30;

    public static ResilienceSettings From(JsonElement? section, string connector)
    {
        if (section is not { ValueKind: JsonValueKind.Object } s) return new ResilienceSettings();
        ResilienceSettings settings;
        try
        {
            settings = s.Deserialize<ResilienceSettings>(ManifestLoader.JsonOptions) ?? new ResilienceSettings();
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"connector {connector}: resilience section: {e.Message}", e);
        }
        settings.Validate(connector);
        return settings;
    }

    public void Validate(string connector)
    {
        // Polly refuses some of these with an exception naming its own option; say it in manifest terms instead.
        string? problem = null;
        if (RequestsPerSecond <= 0) problem = "requestsPerSecond must be above 0";
        else if (Burst is < 1) problem = "burst must be at least 1";
        else if (AttemptTimeoutSeconds is < 0.01 or > 86400 || TotalTimeoutSeconds is < 0.01 or > 86400) problem = "timeouts must be between 0.01 and 86400 seconds";
        else if (MaxRetries is < 0 or > 100) problem = "maxRetries must be between 0 and 100";
        else if (BaseDelayMs < 0 || MaxDelaySeconds < 0 || MaxRetryAfterSeconds < 0) problem = "delays cannot be negative";
        else if (FailureRatio is <= 0 or > 1) problem = "failureRatio must be in (0, 1]";
        else if (SamplingSeconds < 0.5 || BreakSeconds < 0.5) problem = "samplingSeconds and breakSeconds must be at least 0.5";
        else if (MinimumThroughput < 2) problem = "minimumThroughput must be at least 2";
        if (problem is not null) throw new InvalidDataException($"connector {connector}: resilience: {problem}");
    }
}
