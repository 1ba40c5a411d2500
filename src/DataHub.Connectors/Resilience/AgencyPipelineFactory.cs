using System.Threading.RateLimiting;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace DataHub.Connectors.Resilience;

/// <summary>
/// Builds one agency's pipeline from its settings. Order, outside in: total timeout (bounds a call with
/// all its retries), retry (backoff + jitter, Retry-After honored and clamped), circuit breaker (sees
/// every attempt, so a dead agency is detected within its sampling window), rate limiter (each attempt
/// takes a token, retries included), attempt timeout (cuts a hung connection).
/// </summary>
public static class AgencyPipelineFactory
{
    public static ResiliencePipeline<HttpResponseMessage> Build(ResilienceSettings settings, RateLimiter limiter, TimeProvider? time = null)
    {
        var clock = time ?? TimeProvider.System;
        var jitter = new Random();
        var transient = new PredicateBuilder<HttpResponseMessage>().HandleResult(r => TransientFailures.IsTransient(r.StatusCode))
            .Handle<HttpRequestException>().Handle<IOException>().Handle<TimeoutRejectedException>().Handle<PageFormatException>();
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock, Name = "agency" };
        builder.AddTimeout(TimeSpan.FromSeconds(settings.TotalTimeoutSeconds));
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = transient,
                MaxRetryAttempts = settings.MaxRetries,
                // Polly computes no delay of its own here: RetryDelays does backoff, jitter and the Retry-After clamp.
                DelayGenerator = args =>
                {
                    double j;
                    lock (jitter) j = jitter.NextDouble();
                    return ValueTask.FromResult<TimeSpan?>(RetryDelays.Next(args.Outcome.Result, args.AttemptNumber, settings, j, clock.GetUtcNow()));
                },
            });
        }
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            ShouldHandle = transient,
            FailureRatio = settings.FailureRatio,
            SamplingDuration = TimeSpan.FromSeconds(settings.SamplingSeconds),
            MinimumThroughput = settings.MinimumThroughput,
            BreakDuration = TimeSpan.FromSeconds(settings.BreakSeconds),
        });
        builder.AddStrategy(_ => new RateLimiterStrategy(limiter), new RateLimiterStrategyOptions());
        builder.AddTimeout(TimeSpan.FromSeconds(settings.AttemptTimeoutSeconds));
        return builder.Build();
    }

    public static RateLimiter CreateLimiter(ResilienceSettings settings)
    {
        // The replenishment timer is coarse (~10 ms): fast agencies get several tokens per 100 ms tick
        // rather than one token per sub-millisecond tick that the timer could never keep up with.
        var fast = settings.RequestsPerSecond >= 10;
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = settings.Burst ?? Math.Max(1, (int)Math.Ceiling(settings.RequestsPerSecond)),
            TokensPerPeriod = fast ? Math.Max(1, (int)Math.Round(settings.RequestsPerSecond / 10)) : 1,
            ReplenishmentPeriod = fast ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(1 / settings.RequestsPerSecond),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }
}
