using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace DataHub.Pipeline.Scheduling;

/// <summary>
/// Something else <c>datahub run</c> hosts in the scheduler's process when configured — the HTTP API
/// (<c>Api:Enabled</c>, <c>Api:Urls</c>) is the first. The composition root hands its extensions to the run
/// command; each adds its services and hosted services to the same host, so they share the catalog,
/// the store, the logs and the graceful stop.
/// </summary>
public interface IDataHubHostExtension
{
    /// <summary>Short name for logs and errors, e.g. "api".</summary>
    string Name { get; }

    bool IsEnabled(IConfiguration configuration);

    void Configure(IHostApplicationBuilder builder);
}
