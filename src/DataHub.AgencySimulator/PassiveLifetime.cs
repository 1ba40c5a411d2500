using Microsoft.Extensions.Hosting;

namespace DataHub.AgencySimulator;

/// <summary>
/// The simulator's host does not listen for Ctrl+C / SIGTERM itself: the CLI (or the test) that embeds
/// it owns the process and stops it by disposing. The default console lifetime would block SIGTERM
/// waiting for a shutdown only the embedder can perform.
/// </summary>
public sealed class PassiveLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
