namespace DataHub.Pipeline.Scheduling;

/// <summary>One connector as the job store has it: trigger state (Normal, Paused, Blocked …) and fire times.</summary>
public sealed record ConnectorScheduleInfo(string Connector, string? Cron, string? TimeZone, string State, DateTimeOffset? NextFireUtc, DateTimeOffset? PreviousFireUtc);
