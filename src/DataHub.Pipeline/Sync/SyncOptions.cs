namespace DataHub.Pipeline.Sync;

/// <summary>Tuning of a sync run. Defaults suit the 2-core reference machine.</summary>
public sealed record SyncOptions
{
    /// <summary>Records per durable batch: one store flush and one catalog transaction each.</summary>
    public int BatchSize { get; init; } = 2000;

    /// <summary>Parallel normalizers (and store writers unless <see cref="StoreWriters"/> says otherwise).</summary>
    public int Parallelism { get; init; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>
    /// Versions written to the store at once. A local file system is CPU-bound (one writer per core);
    /// a remote store is latency-bound and wants many requests in flight (Azurite peaked at 16).
    /// </summary>
    public int? StoreWriters { get; init; }

    /// <summary>Share (0–1) of confidently read OCR records sent to review anyway, to measure real accuracy.</summary>
    public double ReviewSampleRate { get; init; } = 0.05;

    /// <summary>Name of this node in run history (several nodes share one catalog in a cluster).</summary>
    public string Node { get; init; } = Environment.MachineName;
}
