using Polly;

namespace DataHub.Connectors.Resilience;

/// <summary>Polly needs an options object per strategy; the limiter itself is built by <see cref="AgencyPipelineFactory"/>.</summary>
public sealed class RateLimiterStrategyOptions : ResilienceStrategyOptions
{
    public RateLimiterStrategyOptions() => Name = "agency-rate-limit";
}
