using System.Net;
using Polly;
using Polly.Timeout;

namespace DataHub.Connectors.Resilience;

/// <summary>
/// What is worth another attempt: network faults, cut or truncated bodies, attempt timeouts, and the
/// statuses that mean "later" (408, 429, 5xx gateway/availability). Any other 4xx is our mistake or a
/// refusal and fails fast.
/// </summary>
public static class TransientFailures
{
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } e ? IsTransient(e) : outcome.Result is { } r && IsTransient(r.StatusCode);

    public static bool IsTransient(Exception e) => e is HttpRequestException or IOException or TimeoutRejectedException or PageFormatException;

    public static bool IsTransient(HttpStatusCode status) => (int)status is 408 or 425 or 429 or 500 or 502 or 503 or 504;
}
