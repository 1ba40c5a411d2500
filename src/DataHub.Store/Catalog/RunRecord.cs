namespace DataHub.Store.Catalog;

/// <summary>One sync run of one connector, as the run history shows it.</summary>
public sealed record RunRecord(long RunId, string Connector, string Trigger, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt,
    string Status, RunCounts Counts, string? Error, DateTimeOffset LastProgressAt, string? Node);
