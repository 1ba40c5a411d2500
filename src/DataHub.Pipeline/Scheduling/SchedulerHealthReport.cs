using DataHub.Store.Catalog;

namespace DataHub.Pipeline.Scheduling;

/// <summary>
/// What <c>/healthz</c> and <c>datahub status</c> report about scheduling. <see cref="Status"/> is
/// <c>healthy</c>, <c>degraded</c> (no daemon serves the store, or runs were found stuck) or <c>unhealthy</c>
/// (the job store cannot be read). <see cref="StuckRuns"/> are the runs this check ended as stuck.
/// </summary>
public sealed record SchedulerHealthReport(
    string Status,
    string Store,
    string Node,
    string SchedulerState,
    bool DaemonRunning,
    IReadOnlyList<SchedulerNodeInfo> Nodes,
    IReadOnlyList<ConnectorScheduleInfo> Connectors,
    IReadOnlyList<RunRecord> RunningRuns,
    IReadOnlyList<RunRecord> StuckRuns,
    string? Error);
