using DataHub.Ocr.Benchmark;
using DataHub.Ocr.Corpus;
using DataHub.Ocr.Tests.Support;

namespace DataHub.Ocr.Tests;

public sealed class OcrBenchmarkTests
{
    [Theory]
    [InlineData("skewed-03.png", "skewed")]
    [InlineData("rotated180-01.tif", "rotated180")]
    [InlineData("dpi150_2.jpg", "dpi150")]
    [InlineData("scan.png", "page")]
    public void Page_class_comes_from_the_file_name(string file, string expected) =>
        Assert.Equal(expected, OcrBenchmark.PageClass(file));

    [Fact]
    public async Task Benchmark_scores_engine_and_bare_tesseract_on_the_same_pages()
    {
        using var dir = new TempDirectory();
        await OcrCorpus.GenerateAsync(dir.Path, [OcrCorpus.Clean, OcrCorpus.Rotated180]);
        var report = await OcrBenchmark.RunAsync(dir.Path, new OcrEngineOptions { PoolSize = 2 });

        Assert.Equal(2, report.Pages);
        Assert.Equal(0, report.Engine.FailedPages);
        Assert.True(report.Engine.PerClass["clean"].Mean < 0.01);
        Assert.True(report.Engine.PerClass["rotated180"].Mean < 0.01);
        // The documented reason the engine exists: bare tesseract does not read an upside-down page.
        Assert.True(report.Tesseract.PerClass["rotated180"].Mean > 0.5, $"bare tesseract CER on 180°: {report.Tesseract.PerClass["rotated180"].Mean:P1}");
        Assert.True(report.Engine.CpuSeconds > 0 && report.Tesseract.CpuSeconds > 0);

        var table = report.ToMarkdown();
        Assert.Contains("| pages/s |", table);
        Assert.Contains("| CER rotated180 (mean / worst, 1 p.) |", table);
    }
}
