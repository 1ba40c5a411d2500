using DataHub.Connectors.Manifests;
using Quartz;

namespace DataHub.Pipeline.Scheduling;

/// <summary>
/// The CLI's hands on the shared job store (trigger, pause, resume, backfill). It never starts its
/// scheduler: it only writes jobs and triggers, and whichever daemon node acquires them next runs them.
/// </summary>
public sealed class SchedulerClient(ISchedulerFactory schedulers, IReadOnlyList<ConnectorManifest> manifests)
{
    public async Task TriggerAsync(string connector, CancellationToken ct)
    {
        var scheduler = await ConnectorJobAsync(connector, ct);
        // Like IScheduler.TriggerJob, but a trigger that waits behind a running sync of the connector stays due
        // (misfires ignored) and keeps its fire time, instead of being parked until the misfire handler's next pass.
        var trigger = TriggerBuilder.Create().ForJob(ConnectorJobKeys.Job(connector)).StartNow()
            .UsingJobData(JobDataKeys.Kind, "trigger")
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.IgnoreMisfires)).Build();
        await scheduler.ScheduleJob(trigger, new ScheduleJobOptions(), ct);
    }

    public async Task PauseAsync(string connector, CancellationToken ct) =>
        await (await ConnectorJobAsync(connector, ct)).PauseJob(ConnectorJobKeys.Job(connector), ct);

    public async Task ResumeAsync(string connector, CancellationToken ct) =>
        await (await ConnectorJobAsync(connector, ct)).ResumeJob(ConnectorJobKeys.Job(connector), ct);

    /// <summary>Stores one job per partition, each firing now; the cluster's nodes take them one by one.</summary>
    public async Task<IReadOnlyList<JobKey>> BackfillAsync(string connector, int partitions, CancellationToken ct)
    {
        Known(connector);
        if (partitions < 1) throw new ArgumentOutOfRangeException(nameof(partitions), "--partitions must be at least 1");
        var scheduler = await schedulers.GetScheduler(ct);
        var keys = new List<JobKey>();
        for (var i = 0; i < partitions; i++)
        {
            var key = ConnectorJobKeys.Partition(connector, i, partitions);
            var job = JobBuilder.Create<BackfillPartitionJob>().WithIdentity(key).RequestRecovery()
                .UsingJobData(JobDataKeys.Connector, connector)
                .UsingJobData(JobDataKeys.PartitionIndex, i.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .UsingJobData(JobDataKeys.PartitionCount, partitions.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Build();
            // Partitions queue for free workers far longer than the misfire threshold; "ignore misfires" keeps them
            // acquirable the moment a worker frees up instead of parking them until the misfire handler's next pass.
            var trigger = TriggerBuilder.Create().WithIdentity(key.Name, key.Group).ForJob(key).StartNow()
                .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.IgnoreMisfires)).Build();
            await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, ct);
            keys.Add(key);
        }
        return keys;
    }

    private async Task<IScheduler> ConnectorJobAsync(string connector, CancellationToken ct)
    {
        Known(connector);
        var scheduler = await schedulers.GetScheduler(ct);
        if (!await scheduler.Exists(ConnectorJobKeys.Job(connector), ct))
            throw new InvalidOperationException($"connector {connector} is not in the job store yet: start `datahub run` once to register the schedules");
        return scheduler;
    }

    private void Known(string connector)
    {
        if (manifests.All(m => m.Name != connector))
            throw new ArgumentException($"unknown connector {connector} (known: {string.Join(", ", manifests.Select(m => m.Name))})");
    }
}
