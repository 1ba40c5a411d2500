namespace DataHub.Pipeline.Sync;

/// <summary>Tuning of a sync run. Defaults suit the 2-core reference machine.</summary>
public sealed record SyncOptions
{
    /// <summary>Records per durable batch: one store flush and one catalog transaction each.</summary>
    public int BatchSize { get; init; } = 2000;

    /// <summary>Parallel normalizers and store writers.</summary>
    public int Parallelism { get; init; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Share (0–1) of confidently read OCR records sent to review anyway, to measure real accuracy.</summary>
    public double ReviewSampleRate { get; init; } = 0.05;

    /// <summary>Name of this node in run history (several nodes share one catalog in a cluster).</summary>
    public string Node { get; init; } = Environment.MachineName;
}
