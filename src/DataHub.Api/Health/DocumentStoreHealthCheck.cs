using DataHub.Core.Documents;
using DataHub.Store.Documents;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DataHub.Api.Health;

/// <summary>Readiness: the document store answers a read (a probe id that never exists; any backend must say "absent").</summary>
public sealed class DocumentStoreHealthCheck(IDocumentStore store) : IHealthCheck
{
    private static readonly DocumentId Probe = DocumentId.Derive("HEALTH", DocumentType.BirthCertificate, "probe");

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (store is FileSystemDocumentStore fs && !Directory.Exists(fs.Root))
                return HealthCheckResult.Unhealthy($"document store folder {fs.Root} does not exist");
            await store.GetCurrentAsync(Probe, cancellationToken);
            return HealthCheckResult.Healthy("document store reachable");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy($"document store unreachable: {e.Message}");
        }
    }
}
