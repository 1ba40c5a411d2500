using DataHub.Store.Audit;
using DataHub.Store.Catalog;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataHub.Api.Audit;

/// <summary>
/// SQLite only: checkpoints the access log's WAL once a second off the request path, so its commits (one
/// per group of lookups) never pay for copying the WAL into the database. PASSIVE never blocks readers or writers.
/// </summary>
public sealed class WalCheckpointService(AccessLogDatabase database, AccessLog log, ILogger<WalCheckpointService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Log.Dialect != CatalogDialect.Sqlite) return;
        log.AutoCheckpoint = false;
        try
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    using var connection = database.Log.Open();
                    using var command = connection.CreateCommand();
                    command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                    command.ExecuteNonQuery();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning("WAL checkpoint failed: {Error}", e.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            log.AutoCheckpoint = true;
        }
    }
}
