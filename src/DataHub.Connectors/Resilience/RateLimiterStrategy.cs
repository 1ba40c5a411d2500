using System.Threading.RateLimiting;
using Polly;

namespace DataHub.Connectors.Resilience;

/// <summary>
/// Waits for a token of the agency's bucket before each attempt. Polly.RateLimiting is not available
/// here, so this is the few lines it would have provided, on System.Threading.RateLimiting. It waits
/// (queues) instead of rejecting: the agency's limit is a pace to keep, not an error.
/// </summary>
public sealed class RateLimiterStrategy(RateLimiter limiter) : ResilienceStrategy
{
    protected override async ValueTask<Outcome<TResult>> ExecuteCore<TResult, TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback, ResilienceContext context, TState state)
    {
        using var lease = await limiter.AcquireAsync(1, context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
        if (!lease.IsAcquired)
            return Outcome.FromException<TResult>(new InvalidOperationException("the agency's request queue is full (rate limit)"));
        return await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
    }
}
