using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace DataHub.Api.Security;

/// <summary>
/// One token bucket per client, sized by the client's requests/second (a second's worth of burst).
/// Unauthenticated paths (health, OpenAPI) are not limited here; they never touch personal data.
/// </summary>
public static class ClientRateLimits
{
    public static void Configure(RateLimiterOptions options)
    {
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            context.Features.Get<ApiCaller>() is { } caller
                ? RateLimitPartition.GetTokenBucketLimiter(caller.Client.Name + "|" + caller.Client.RatePerSecond.ToString(CultureInfo.InvariantCulture), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = caller.Client.RatePerSecond,
                    TokensPerPeriod = caller.Client.RatePerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                })
                : RateLimitPartition.GetNoLimiter("unauthenticated"));
        options.OnRejected = async (rejected, ct) =>
        {
            var context = rejected.HttpContext;
            var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
            context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            var name = context.Features.Get<ApiCaller>()?.Client.Name;
            await Results.Problem(detail: $"client '{name}' is over its limit of {context.Features.Get<ApiCaller>()?.Client.RatePerSecond} requests per second; retry after {retryAfter} s",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests").ExecuteAsync(context);
        };
    }
}
