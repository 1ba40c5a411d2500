namespace DataHub.Store.Audit;

/// <summary>An entry as stored: its place in the chain and the hashes that bind it there.</summary>
public sealed record AccessLogRecord(long Sequence, AccessLogEntry Entry, string PreviousHash, string Hash);
