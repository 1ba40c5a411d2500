namespace DataHub.Store.AzureBlob;

/// <summary>One benchmark run: N documents published (PutVersion + SetCurrent) at a given concurrency.</summary>
public sealed record BlobBenchmarkResult(string Store, int Documents, int Concurrency, TimeSpan Elapsed)
{
    public double DocumentsPerSecond => Elapsed > TimeSpan.Zero ? Documents / Elapsed.TotalSeconds : 0;
}
