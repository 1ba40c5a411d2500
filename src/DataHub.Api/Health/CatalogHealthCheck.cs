using DataHub.Store.Catalog;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DataHub.Api.Health;

/// <summary>Readiness: the catalog database answers a query (SQLite file or PostgreSQL server).</summary>
public sealed class CatalogHealthCheck(SqlCatalog catalog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var connection = catalog.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM api_clients";
            command.ExecuteScalar();
            return Task.FromResult(HealthCheckResult.Healthy($"{catalog.Dialect.Name} catalog reachable"));
        }
        catch (Exception e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"{catalog.Dialect.Name} catalog unreachable: {e.Message}"));
        }
    }
}
