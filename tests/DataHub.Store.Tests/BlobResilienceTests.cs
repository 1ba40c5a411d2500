using System.Net;
using DataHub.Store.AzureBlob;
using DataHub.Store.Documents;
using Polly.CircuitBreaker;

namespace DataHub.Store.Tests;

/// <summary>The pipeline's decisions, against a scripted transport: what is retried, how, and what is not.</summary>
public sealed class BlobResilienceTests
{
    private static readonly BlobConnectionString Connection = BlobConnectionString.Parse("UseDevelopmentStorage=true");

    private static BlobRestClientOptions Options(int retries = 6) => new()
    {
        MaxRetryAttempts = retries,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        RetryMaxDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryAfter = TimeSpan.FromMilliseconds(20),
        AttemptTimeout = TimeSpan.FromMilliseconds(300),
        TimeProvider = new SteppingTimeProvider(),
    };

    [Fact]
    public async Task Transient_statuses_are_retried_and_every_attempt_is_signed_anew()
    {
        var handler = new ScriptedHandler((attempt, _) => Task.FromResult(attempt switch
        {
            1 => ScriptedHandler.Status(503, "ServerBusy"),
            2 => ScriptedHandler.Status(500, "InternalError"),
            3 => ScriptedHandler.Status(429),
            _ => ScriptedHandler.Status(201),
        }));
        using var client = new BlobRestClient(Connection, Options(), handler);

        var outcome = await client.PutBlockBlobAsync("docs", "v1.json", "{}"u8.ToArray(), BlobPutMode.CreateOnly);

        Assert.Equal(BlobWriteOutcome.Written, outcome);
        Assert.Equal(4, handler.Attempts);
        Assert.Equal(4, handler.Sent.Select(s => s.Date).Distinct().Count());
        Assert.Equal(4, handler.Sent.Select(s => s.Authorization).Distinct().Count());
    }

    [Fact]
    public async Task Connection_failures_and_hung_attempts_are_retried()
    {
        var handler = new ScriptedHandler(async (attempt, ct) =>
        {
            switch (attempt)
            {
                case 1: throw new HttpRequestException("connection refused");
                case 2: throw new IOException("connection reset by peer");
                case 3: await Task.Delay(Timeout.Infinite, ct); break;
            }
            return ScriptedHandler.Status(201);
        });
        using var client = new BlobRestClient(Connection, Options(), handler);

        await client.PutBlockBlobAsync("docs", "v1.json", "{}"u8.ToArray());

        Assert.Equal(4, handler.Attempts);
    }

    [Fact]
    public async Task Refused_credentials_are_not_retried_and_say_so()
    {
        var handler = new ScriptedHandler((_, _) => Task.FromResult(ScriptedHandler.Status(403, "AuthenticationFailed", "Server failed to authenticate the request.")));
        using var client = new BlobRestClient(Connection, Options(), handler);

        var error = await Assert.ThrowsAsync<DocumentStoreException>(() => client.GetBlobAsync("docs", "v1.json"));

        Assert.Equal(1, handler.Attempts);
        Assert.StartsWith("Blob storage refused the credentials for account devstoreaccount1: 403 AuthenticationFailed: Server failed to authenticate the request.", error.Message);
    }

    [Theory]
    [InlineData(400, "InvalidHeaderValue")]
    [InlineData(409, "LeaseIdMissing")]
    [InlineData(413, "RequestBodyTooLarge")]
    public async Task Other_client_errors_are_not_retried(int status, string code)
    {
        var handler = new ScriptedHandler((_, _) => Task.FromResult(ScriptedHandler.Status(status, code, "no")));
        using var client = new BlobRestClient(Connection, Options(), handler);

        var error = await Assert.ThrowsAsync<DocumentStoreException>(() => client.PutBlockBlobAsync("docs", "v1.json", "{}"u8.ToArray()));

        Assert.Equal(1, handler.Attempts);
        Assert.Contains($"{status} {code}", error.Message);
    }

    [Fact]
    public async Task Transient_failures_that_outlive_the_retries_surface_with_their_status()
    {
        var handler = new ScriptedHandler((_, _) => Task.FromResult(ScriptedHandler.Status(503, "ServerBusy", "busy")));
        using var client = new BlobRestClient(Connection, Options(retries: 3), handler);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetBlobAsync("docs", "v1.json"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(4, handler.Attempts);
    }

    [Fact]
    public async Task A_huge_retry_after_is_clamped_instead_of_parking_the_call()
    {
        var handler = new ScriptedHandler((attempt, _) =>
        {
            var response = ScriptedHandler.Status(attempt == 1 ? 503 : 201);
            if (attempt == 1) response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromHours(1));
            return Task.FromResult(response);
        });
        using var client = new BlobRestClient(Connection, Options(), handler);
        // Only a guard against hanging for an hour if the clamp were missing.
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        await client.PutBlockBlobAsync("docs", "current", "1"u8.ToArray(), ct: guard.Token);

        Assert.Equal(2, handler.Attempts);
    }

    [Fact]
    public async Task Sustained_failures_open_the_circuit_and_later_calls_fail_fast()
    {
        var handler = new ScriptedHandler((_, _) => Task.FromResult(ScriptedHandler.Status(503)));
        var options = Options(retries: 0) with { BreakerMinimumThroughput = 4, BreakerFailureRatio = 0.5, BreakerBreakDuration = TimeSpan.FromMinutes(1) };
        using var client = new BlobRestClient(Connection, options, handler);

        for (var i = 0; i < 4; i++) await Assert.ThrowsAsync<HttpRequestException>(() => client.GetBlobAsync("docs", "v1.json"));
        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.GetBlobAsync("docs", "v1.json"));

        Assert.Equal(4, handler.Attempts);
    }
}
