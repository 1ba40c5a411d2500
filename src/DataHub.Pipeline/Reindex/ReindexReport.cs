namespace DataHub.Pipeline.Reindex;

/// <summary>What a rebuild found: documents and versions read, and every inconsistency, one line each.</summary>
public sealed record ReindexReport(long Documents, long Versions, IReadOnlyList<string> Problems, bool DryRun);
