using Microsoft.Extensions.Hosting;

namespace DataHub.Pipeline.Scheduling;

/// <summary>Holds the <see cref="SchedulerLock"/> for the daemon's lifetime (first hosted service to start, last to stop).</summary>
public sealed class SchedulerLockService(string path) : IHostedService, IDisposable
{
    private SchedulerLock? _lock;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _lock = SchedulerLock.Acquire(path);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _lock?.Dispose();
}
