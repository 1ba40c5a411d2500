namespace DataHub.Ocr.Benchmark;

/// <summary>
/// One contender's run over the benchmark pages. <see cref="CpuSeconds"/> (getrusage: this process for
/// the engine, reaped children for the CLI) does not depend on what else the machine is doing, which
/// wall-clock pages/s on a shared machine does. <see cref="DoubtedPages"/>: pages whose first
/// reading our engine doubted and checked the orientation of (null for bare tesseract, which never does).
/// </summary>
public sealed record OcrBenchmarkRun(
    string Name,
    int Pages,
    int FailedPages,
    TimeSpan Elapsed,
    double CpuSeconds,
    CerSummary? Overall,
    IReadOnlyDictionary<string, CerSummary> PerClass,
    long? DoubtedPages = null)
{
    public double PagesPerSecond => Elapsed.TotalSeconds <= 0 ? 0 : Pages / Elapsed.TotalSeconds;

    public double CpuSecondsPerPage => Pages == 0 ? 0 : CpuSeconds / Pages;
}
