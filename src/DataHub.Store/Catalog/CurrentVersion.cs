namespace DataHub.Store.Catalog;

/// <summary>What the catalog holds as a document's current version: enough to decide published / unchanged / new version.</summary>
public sealed record CurrentVersion(int Version, string ContentHash, long RunId, string SourceRef);
