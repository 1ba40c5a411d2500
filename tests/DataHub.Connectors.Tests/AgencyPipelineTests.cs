using System.Net;
using System.Text.Json;
using DataHub.Connectors.Manifests;
using DataHub.Connectors.Resilience;
using Polly.CircuitBreaker;

namespace DataHub.Connectors.Tests;

/// <summary>The pipeline built from a manifest's resilience section, asserted on attempt counts (no timing).</summary>
public sealed class AgencyPipelineTests
{
    private static ResilienceSettings Quick(int retries = 3, int throughput = 100) => new()
    {
        MaxRetries = retries, BaseDelayMs = 1, MaxDelaySeconds = 0.005, RequestsPerSecond = 1000, MinimumThroughput = throughput, FailureRatio = 0.5,
    };

    private static Polly.ResiliencePipeline<HttpResponseMessage> Build(ResilienceSettings settings) =>
        AgencyPipelineFactory.Build(settings, AgencyPipelineFactory.CreateLimiter(settings));

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task Transient_statuses_are_retried_up_to_max_retries_then_the_last_answer_is_returned(HttpStatusCode status)
    {
        var calls = 0;
        using var response = await Build(Quick(retries: 3)).ExecuteAsync(_ => { calls++; return ValueTask.FromResult(new HttpResponseMessage(status)); });
        Assert.Equal(4, calls);
        Assert.Equal(status, response.StatusCode);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task Other_4xx_fail_fast_without_retry(HttpStatusCode status)
    {
        var calls = 0;
        using var response = await Build(Quick()).ExecuteAsync(_ => { calls++; return ValueTask.FromResult(new HttpResponseMessage(status)); });
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Dropped_connections_and_cut_bodies_are_retried_until_the_page_arrives()
    {
        var calls = 0;
        using var response = await Build(Quick()).ExecuteAsync(_ => ++calls switch
        {
            1 => throw new HttpRequestException("connection reset"),
            2 => throw new PageFormatException("cut short"),
            3 => throw new IOException("response ended prematurely"),
            _ => ValueTask.FromResult(new HttpResponseMessage(HttpStatusCode.OK)),
        });
        Assert.Equal(4, calls);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_circuit_opens_after_minimum_throughput_failures_and_stops_calling_the_agency()
    {
        var pipeline = Build(Quick(retries: 0, throughput: 3));
        var calls = 0;
        for (var i = 0; i < 3; i++)
        {
            using var r = await pipeline.ExecuteAsync(_ => { calls++; return ValueTask.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)); });
        }
        await Assert.ThrowsAsync<BrokenCircuitException>(async () => await pipeline.ExecuteAsync(_ => { calls++; return ValueTask.FromResult(new HttpResponseMessage(HttpStatusCode.OK)); }));
        Assert.Equal(3, calls);
    }

    [Fact]
    public void One_pipeline_per_agency_shared_by_its_connectors()
    {
        using var registry = new AgencyResilienceRegistry();
        ConnectorManifest Manifest(string name, string agency) => new()
        {
            Name = name, Agency = new AgencyInfo(agency, "x", "province"), Source = new SourceSpec { Kind = "rest" },
            DocumentType = new DocumentTypeSelector("birth-certificate", null, new Dictionary<string, string>()), Mappings = [],
        };
        Assert.Same(registry.For(Manifest("a", "000.00.12.H47")), registry.For(Manifest("b", "000.00.12.H47")));
        Assert.NotSame(registry.For(Manifest("a", "000.00.12.H47")), registry.For(Manifest("c", "000.00.15.H47")));
    }

    [Fact]
    public void Resilience_section_reads_manifest_keys_and_keeps_defaults_for_the_rest()
    {
        using var doc = JsonDocument.Parse("""{ "requestsPerSecond": 2.5, "maxRetries": 7, "maxRetryAfterSeconds": 15 }""");
        var settings = ResilienceSettings.From(doc.RootElement.Clone(), "x");
        Assert.Equal(2.5, settings.RequestsPerSecond);
        Assert.Equal(7, settings.MaxRetries);
        Assert.Equal(15, settings.MaxRetryAfterSeconds);
        Assert.Equal(new ResilienceSettings().AttemptTimeoutSeconds, settings.AttemptTimeoutSeconds);
        Assert.Equal(new ResilienceSettings(), ResilienceSettings.From(null, "x"));
    }

    [Fact]
    public void A_bad_resilience_value_is_a_clear_manifest_error()
    {
        using var doc = JsonDocument.Parse("""{ "failureRatio": 1.5 }""");
        var e = Assert.Throws<InvalidDataException>(() => ResilienceSettings.From(doc.RootElement.Clone(), "quang-nam-x"));
        Assert.Contains("quang-nam-x", e.Message);
        Assert.Contains("failureRatio", e.Message);
    }
}
