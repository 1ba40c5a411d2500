namespace DataHub.Pipeline.Scheduling;

/// <summary>One measured backfill: wall clock from the first partition's start to the last one's end (catalog times).</summary>
public sealed record ClusterBenchmarkResult(int Nodes, int Partitions, long Records, TimeSpan WallClock, IReadOnlyDictionary<string, int> PartitionsPerNode, bool AllSucceeded)
{
    public double RecordsPerSecond => Records / Math.Max(WallClock.TotalSeconds, 0.001);
}
