using System.Net;
using System.Net.Http.Headers;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace DataHub.Store.AzureBlob;

/// <summary>
/// The one resilience pipeline every blob call goes through: retry (outermost) → circuit breaker →
/// per-attempt timeout (innermost, so a hung attempt is retried rather than ending the call).
/// </summary>
public static class BlobResilience
{
    public static ResiliencePipeline<HttpResponseMessage> Build(BlobRestClientOptions options)
    {
        var transient = new PredicateBuilder<HttpResponseMessage>()
            .Handle<HttpRequestException>()
            .Handle<IOException>()
            .Handle<TimeoutRejectedException>()
            .HandleResult(r => IsTransient(r.StatusCode));

        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = options.TimeProvider };
        // Polly refuses MaxRetryAttempts = 0; zero retries means no retry strategy at all.
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = transient,
                MaxRetryAttempts = options.MaxRetryAttempts,
                // Polly's default is constant backoff; storage throttling wants exponential with jitter.
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, options)),
            });
        }
        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = transient,
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakerBreakDuration,
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    /// <summary>408, 429 and the 5xx a storage front end returns while it recovers; 501/505 would never heal.</summary>
    public static bool IsTransient(HttpStatusCode status) => status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
        or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>
    /// The server's Retry-After, clamped: Polly's MaxDelay does not cap a delay returned here. Null means
    /// "use the exponential backoff".
    /// </summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage? response, BlobRestClientOptions options)
    {
        RetryConditionHeaderValue? header = response?.Headers.RetryAfter;
        if (header is null) return null;
        var delay = header.Delta ?? (header.Date is { } at ? at - options.TimeProvider.GetUtcNow() : null);
        if (delay is not { } d) return null;
        return d < TimeSpan.Zero ? TimeSpan.Zero : d > options.MaxRetryAfter ? options.MaxRetryAfter : d;
    }
}
