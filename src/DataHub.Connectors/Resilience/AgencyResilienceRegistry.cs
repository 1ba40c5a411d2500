using System.Collections.Concurrent;
using System.Net;
using System.Threading.RateLimiting;
using DataHub.Connectors.Manifests;
using Polly;

namespace DataHub.Connectors.Resilience;

/// <summary>
/// One resilience pipeline per agency, built once from the first manifest that names the agency and
/// shared by all its connectors: the rate limit and the circuit are the agency's, not a connector's.
/// Also owns the one HttpClient every network source uses (pooled connections; no client timeout, so
/// the pipeline's timeouts are the only ones).
/// </summary>
public sealed class AgencyResilienceRegistry : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<(ResiliencePipeline<HttpResponseMessage> Pipeline, RateLimiter Limiter, ResilienceSettings Settings)>> _agencies = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public AgencyResilienceRegistry(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        Http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(15),
            AutomaticDecompression = DecompressionMethods.All,
            UseCookies = false,
        }) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public HttpClient Http { get; }

    public ResiliencePipeline<HttpResponseMessage> For(ConnectorManifest manifest) => Entry(manifest).Pipeline;

    public ResilienceSettings SettingsFor(ConnectorManifest manifest) => Entry(manifest).Settings;

    private (ResiliencePipeline<HttpResponseMessage> Pipeline, RateLimiter Limiter, ResilienceSettings Settings) Entry(ConnectorManifest manifest) =>
        _agencies.GetOrAdd(manifest.Agency.Code, _ => new Lazy<(ResiliencePipeline<HttpResponseMessage>, RateLimiter, ResilienceSettings)>(() =>
        {
            var settings = ResilienceSettings.From(manifest.Resilience, manifest.Name);
            var limiter = AgencyPipelineFactory.CreateLimiter(settings);
            return (AgencyPipelineFactory.Build(settings, limiter, _time), limiter, settings);
        })).Value;

    public void Dispose()
    {
        foreach (var entry in _agencies.Values)
        {
            if (entry.IsValueCreated) entry.Value.Limiter.Dispose();
        }
        Http.Dispose();
    }
}
