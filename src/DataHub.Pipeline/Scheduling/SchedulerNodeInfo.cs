namespace DataHub.Pipeline.Scheduling;

/// <summary>A scheduler node of the cluster as the job store sees it (Alive, Overdue, Failed).</summary>
public sealed record SchedulerNodeInfo(string InstanceId, string State, DateTimeOffset? LastCheckInUtc, bool IsThisProcess);
