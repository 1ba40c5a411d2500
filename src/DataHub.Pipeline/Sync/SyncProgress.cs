namespace DataHub.Pipeline.Sync;

/// <summary>Progress of a running connector, reported after each durable batch.</summary>
public sealed record SyncProgress(string Connector, long Records, long Published, TimeSpan Elapsed);
