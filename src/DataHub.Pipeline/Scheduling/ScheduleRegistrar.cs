using DataHub.Connectors.Manifests;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace DataHub.Pipeline.Scheduling;

/// <summary>
/// At daemon start, makes the job store say what the manifests say: one durable job per connector with its
/// cron trigger. A trigger whose cron and zone did not change is left untouched, so its pending misfire
/// still fires once and a pause an operator set survives; a changed one is replaced and re-paused if it
/// was paused; connectors whose manifest is gone are removed. Registered before Quartz's hosted service,
/// so the schedule is in place before the first acquisition.
/// </summary>
public sealed class ScheduleRegistrar(ISchedulerFactory schedulers, IReadOnlyList<ConnectorManifest> manifests, ILogger<ScheduleRegistrar> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        foreach (var manifest in manifests)
        {
            var key = ConnectorJobKeys.Schedule(manifest.Name);
            var stored = await scheduler.GetTrigger(key, cancellationToken);
            if (stored is not null && ConnectorSchedules.Matches(stored, manifest))
            {
                logger.LogInformation("Connector {Connector}: schedule {Cron} ({TimeZone}) kept", manifest.Name, manifest.Schedule.Cron, manifest.Schedule.TimeZone);
                continue;
            }
            var paused = stored is not null && await scheduler.GetTriggerState(key, cancellationToken) == TriggerState.Paused;
            var trigger = ConnectorSchedules.Trigger(manifest);
            if (trigger.GetFireTimeAfter(DateTimeOffset.UtcNow) is null)
            {
                // A cron with no future firing (a one-off date that has passed) cannot be stored; the job stays for manual triggers.
                await scheduler.AddJob(ConnectorSchedules.Job(manifest), new AddJobOptions { Replace = true }, cancellationToken);
                if (stored is not null) await scheduler.UnscheduleJob(key, cancellationToken);
                logger.LogWarning("Connector {Connector}: schedule {Cron} never fires again; only manual triggers run it", manifest.Name, manifest.Schedule.Cron);
                continue;
            }
            await scheduler.ScheduleJob(ConnectorSchedules.Job(manifest), [trigger], new ScheduleJobOptions { Replace = true, Paused = paused }, cancellationToken);
            logger.LogInformation("Connector {Connector}: scheduled {Cron} ({TimeZone}){Paused}", manifest.Name, manifest.Schedule.Cron, manifest.Schedule.TimeZone, paused ? ", paused" : "");
        }

        var known = manifests.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var job in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(ConnectorJobKeys.ConnectorGroup), cancellationToken))
        {
            if (known.Contains(job.Name)) continue;
            await scheduler.DeleteJob(job, cancellationToken);
            logger.LogInformation("Connector {Connector}: no manifest any more, unscheduled", job.Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
