using DataHub.Store.Catalog;

namespace DataHub.Pipeline.Sync;

/// <summary>How one connector's run ended. <see cref="Error"/> is one clear line when it failed.</summary>
public sealed record ConnectorRunResult(string Connector, long RunId, bool Succeeded, RunCounts Counts, string? Error, TimeSpan Elapsed);
