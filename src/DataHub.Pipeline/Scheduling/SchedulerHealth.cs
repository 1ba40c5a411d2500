using DataHub.Store.Catalog;
using Microsoft.Extensions.Logging;
using Quartz;

namespace DataHub.Pipeline.Scheduling;

/// <summary>
/// Scheduler state and stuck runs, independent of ASP.NET Core so the HTTP <c>/healthz</c>, the daemon's
/// monitor and <c>datahub status</c> share it. A run still 'running' with no durable batch for
/// <c>Scheduler:StuckAfter</c> belonged to a process that died or hangs: it is ended as 'stuck' rather
/// than shown running forever (the next run — or Quartz recovery — resumes from its last durable batch).
/// </summary>
public sealed class SchedulerHealth(ISchedulerFactory schedulers, ICatalog catalog, SchedulerOptions options, ILogger<SchedulerHealth> logger)
{
    public const string StuckStatus = "stuck";

    public IReadOnlyList<RunRecord> MarkStuckRuns()
    {
        var since = DateTimeOffset.UtcNow - options.StuckAfter;
        var stuck = catalog.MarkStuckRuns(since, StuckStatus,
            $"no progress for more than {options.StuckAfter} (its process died or hangs); the next run resumes from the last durable batch");
        foreach (var run in stuck)
            logger.LogWarning("Run {RunId}: connector {Connector} on node {Node} made no progress since {LastProgress:u}; marked {Status}", run.RunId, run.Connector, run.Node, run.LastProgressAt, StuckStatus);
        return stuck;
    }

    public async Task<SchedulerHealthReport> CheckAsync(CancellationToken ct)
    {
        IReadOnlyList<RunRecord> stuck = [], runningRuns = [];
        try
        {
            stuck = MarkStuckRuns();
            runningRuns = catalog.ListRuns(null, 500).Where(r => r.Status == "running").ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new SchedulerHealthReport("unhealthy", options.Store, options.NodeName, "unknown", false, [], [], [], [], "catalog: " + e.Message);
        }

        try
        {
            var scheduler = await schedulers.GetScheduler(ct);
            var running = scheduler.Status == SchedulerStatus.Running;
            var local = scheduler.Status.ToString();
            var nodes = new List<SchedulerNodeInfo>();
            if (options.Clustered)
            {
                foreach (var n in await scheduler.QueryClusterNodes(ct))
                {
                    // A CLI process is a client of the store, not a node: it never checks in.
                    if (n.IsCurrentNode && !running) continue;
                    nodes.Add(new SchedulerNodeInfo(n.InstanceId, n.State.ToString(), n.LastCheckInUtc, n.IsCurrentNode));
                }
            }
            var daemon = running
                || (options.Clustered ? nodes.Any(n => n.State is nameof(ClusterNodeState.Alive) or nameof(ClusterNodeState.Overdue))
                    : options.LockFile is { } f && SchedulerLock.IsHeld(f));
            var connectors = await ConnectorsAsync(scheduler, ct);
            var status = daemon && stuck.Count == 0 ? "healthy" : "degraded";
            return new SchedulerHealthReport(status, options.Store, options.NodeName, local, daemon, nodes, connectors, runningRuns, stuck, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new SchedulerHealthReport("unhealthy", options.Store, options.NodeName, "unknown", false, [], [], runningRuns, stuck, "job store: " + e.Message);
        }
    }

    private static async Task<List<ConnectorScheduleInfo>> ConnectorsAsync(IScheduler scheduler, CancellationToken ct)
    {
        var list = new List<ConnectorScheduleInfo>();
        foreach (var job in (await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(ConnectorJobKeys.ConnectorGroup), ct)).OrderBy(k => k.Name, StringComparer.Ordinal))
        {
            var key = ConnectorJobKeys.Schedule(job.Name);
            var trigger = await scheduler.GetTrigger(key, ct);
            var state = trigger is null ? "unscheduled" : (await scheduler.GetTriggerState(key, ct)).ToString();
            var cron = trigger as ICronTrigger;
            list.Add(new ConnectorScheduleInfo(job.Name, cron?.CronExpressionString, cron?.TimeZone.Id, state, trigger?.NextFireTimeUtc, trigger?.PreviousFireTimeUtc));
        }
        return list;
    }
}
