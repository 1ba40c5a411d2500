using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataHub.Pipeline.Scheduling;

/// <summary>The daemon's periodic stuck-run check, so stuck runs are ended even when nobody asks for health.</summary>
public sealed class StuckRunMonitor(SchedulerHealth health, SchedulerOptions options, ILogger<StuckRunMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.StuckCheckInterval);
        do
        {
            try { health.MarkStuckRuns(); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Stuck-run check failed: {Message}", e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
