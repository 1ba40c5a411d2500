using System.Net;
using DataHub.Connectors.Resilience;

namespace DataHub.Connectors.Tests;

/// <summary>The backoff the agency pipelines use, computed without clocks.</summary>
public sealed class RetryDelaysTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly ResilienceSettings Settings = new() { BaseDelayMs = 100, MaxDelaySeconds = 30, MaxRetryAfterSeconds = 20 };

    [Fact]
    public void Backoff_grows_with_every_attempt_whatever_the_jitter()
    {
        for (var attempt = 0; attempt < 7; attempt++)
        {
            var longestNow = RetryDelays.Next(null, attempt, Settings, 0.999, Now);
            var shortestNext = RetryDelays.Next(null, attempt + 1, Settings, 0.0, Now);
            Assert.True(shortestNext > longestNow, $"attempt {attempt + 1} may wait {shortestNext}, not more than attempt {attempt}'s {longestNow}");
        }
    }

    [Fact]
    public void Jitter_spreads_delays_around_the_exponential_value()
    {
        var low = RetryDelays.Next(null, 3, Settings, 0.0, Now);
        var high = RetryDelays.Next(null, 3, Settings, 0.999, Now);
        Assert.Equal(600, low.TotalMilliseconds, 1);
        Assert.InRange(high.TotalMilliseconds, 995, 1000);
    }

    [Fact]
    public void Backoff_is_capped_by_max_delay()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), RetryDelays.Next(null, 20, Settings, 0.999, Now));
    }

    [Fact]
    public void Retry_after_seconds_is_honored_exactly_instead_of_the_backoff()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromSeconds(2), RetryDelays.Next(response, 0, Settings, 0.5, Now));
        Assert.Equal(TimeSpan.FromSeconds(2), RetryDelays.Next(response, 6, Settings, 0.5, Now));
    }

    [Fact]
    public void Retry_after_is_clamped_to_the_manifest_maximum()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromHours(1));
        Assert.Equal(TimeSpan.FromSeconds(20), RetryDelays.Next(response, 0, Settings, 0.5, Now));
    }

    [Fact]
    public void Retry_after_as_a_date_counts_from_now_and_a_past_date_means_at_once()
    {
        using var later = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        later.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(Now.AddSeconds(5));
        Assert.Equal(TimeSpan.FromSeconds(5), RetryDelays.Next(later, 0, Settings, 0.5, Now));
        using var past = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        past.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(Now.AddSeconds(-5));
        Assert.Equal(TimeSpan.Zero, RetryDelays.Next(past, 0, Settings, 0.5, Now));
    }

    [Fact]
    public void Retry_after_on_a_500_is_not_a_server_instruction_and_backoff_applies()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.InternalServerError);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(9));
        Assert.Equal(TimeSpan.FromMilliseconds(100 * 0.75), RetryDelays.Next(response, 0, Settings, 0.0, Now));
    }
}
