using System.Net.Http.Headers;

namespace DataHub.Connectors.Resilience;

/// <summary>
/// How long to wait before the next attempt. Kept as a pure function (rather than Polly's built-in
/// backoff) so that it can be tested without clocks, and because Polly's MaxDelay does not cap a delay
/// a DelayGenerator returns: the Retry-After clamp has to happen here.
/// </summary>
public static class RetryDelays
{
    /// <param name="attempt">0 for the wait after the first failure.</param>
    /// <param name="jitter">A number in [0, 1); spreads retries of many clients apart.</param>
    public static TimeSpan Next(HttpResponseMessage? response, int attempt, ResilienceSettings settings, double jitter, DateTimeOffset now)
    {
        if (RetryAfter(response, now) is { } asked)
        {
            var cap = TimeSpan.FromSeconds(settings.MaxRetryAfterSeconds);
            return asked < TimeSpan.Zero ? TimeSpan.Zero : asked > cap ? cap : asked;
        }
        var max = settings.MaxDelaySeconds * 1000;
        var exponential = Math.Min(max, settings.BaseDelayMs * Math.Pow(2, Math.Min(attempt, 30)));
        return TimeSpan.FromMilliseconds(Math.Min(max, exponential * (0.75 + 0.5 * jitter)));
    }

    /// <summary>The server's Retry-After (seconds or an HTTP date), only on the statuses that define it.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, DateTimeOffset now)
    {
        if (response is null || (int)response.StatusCode is not (429 or 503)) return null;
        RetryConditionHeaderValue? header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date) return date - now;
        return null;
    }
}
