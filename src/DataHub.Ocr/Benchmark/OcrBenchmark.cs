using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using DataHub.Ocr.Interop;

namespace DataHub.Ocr.Benchmark;

/// <summary>
/// Runs our engine and bare <c>tesseract PAGE stdout -l vie</c> (OMP_THREAD_LIMIT=1, as many at a time
/// as our pool has engines) over the same pages in one run, and scores both against NAME.gt.txt ground
/// truth. Page classes come from the file names (CLASS-NN.ext, as <see cref="Corpus.OcrCorpus"/> writes them).
/// The two contenders alternate chunk by chunk, so a load change on a shared machine hits both alike.
/// </summary>
public static partial class OcrBenchmark
{
    private static readonly string[] ImageExtensions = [".png", ".tif", ".tiff", ".jpg", ".jpeg", ".bmp", ".pnm"];

    public static IReadOnlyList<string> FindPages(string directory) =>
        System.IO.Directory.EnumerateFiles(directory)
            .Where(f => ImageExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>The class a file name states ("skewed-03.png" → "skewed"), or "page" when it states none.</summary>
    public static string PageClass(string path)
    {
        var m = ClassPattern().Match(Path.GetFileNameWithoutExtension(path));
        return m.Success ? m.Groups[1].Value : "page";
    }

    public static async Task<OcrBenchmarkReport> RunAsync(string directory, OcrEngineOptions? options = null, CancellationToken ct = default)
    {
        var pages = FindPages(directory);
        if (pages.Count == 0) throw new OcrException($"{directory}: no page images (png, tif, jpg) to benchmark");
        options ??= new OcrEngineOptions();
        var truth = pages.ToDictionary(p => p, ReadGroundTruth);
        var engineTexts = new ConcurrentDictionary<string, string?>();
        var bareTexts = new ConcurrentDictionary<string, string?>();
        var parallel = options.PoolSize;
        var env = new Dictionary<string, string> { ["OMP_THREAD_LIMIT"] = "1" };

        TimeSpan engineWall = TimeSpan.Zero, bareWall = TimeSpan.Zero;
        double engineCpu = 0, bareCpu = 0;
        var sw = Stopwatch.StartNew();
        var cpu = Libc.CpuSeconds(Libc.RusageSelf);
        // Engine creation counts: bare tesseract pays its model load per page, we pay it per worker.
        using var engine = new OcrEngine(options);
        engineWall += sw.Elapsed;
        engineCpu += Libc.CpuSeconds(Libc.RusageSelf) - cpu;

        var chunks = pages.Chunk(parallel * 2).ToList();
        for (var c = 0; c < chunks.Count; c++)
        {
            var chunk = chunks[c];
            async Task RunEngine()
            {
                var cpu0 = Libc.CpuSeconds(Libc.RusageSelf);
                var t = Stopwatch.StartNew();
                await Parallel.ForEachAsync(chunk, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct }, async (page, token) =>
                {
                    try { engineTexts[page] = (await engine.RecognizeFileAsync(page, token).ConfigureAwait(false)).Text; }
                    catch (OcrException) { engineTexts[page] = null; }
                }).ConfigureAwait(false);
                engineWall += t.Elapsed;
                engineCpu += Libc.CpuSeconds(Libc.RusageSelf) - cpu0;
            }
            async Task RunBare()
            {
                var cpu0 = Libc.CpuSeconds(Libc.RusageChildren);
                var t = Stopwatch.StartNew();
                await Parallel.ForEachAsync(chunk, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct }, async (page, token) =>
                {
                    var run = await ProcessRunner.RunAsync("tesseract", [page, "stdout", "-l", options.Language], token, env).ConfigureAwait(false);
                    bareTexts[page] = run.ExitCode == 0 ? run.StdOut : null;
                }).ConfigureAwait(false);
                bareWall += t.Elapsed;
                bareCpu += Libc.CpuSeconds(Libc.RusageChildren) - cpu0;
            }
            if (c % 2 == 0) { await RunEngine().ConfigureAwait(false); await RunBare().ConfigureAwait(false); }
            else { await RunBare().ConfigureAwait(false); await RunEngine().ConfigureAwait(false); }
        }

        return new OcrBenchmarkReport(directory, pages.Count, parallel,
            Score("DataHub engine", pages, engineTexts, truth, engineWall, engineCpu) with { DoubtedPages = engine.DoubtedPages },
            Score($"tesseract CLI (-l {options.Language})", pages, bareTexts, truth, bareWall, bareCpu),
            OcrEngine.TesseractVersion);
    }

    private static OcrBenchmarkRun Score(string name, IReadOnlyList<string> pages, ConcurrentDictionary<string, string?> texts, Dictionary<string, string?> truth, TimeSpan elapsed, double cpu)
    {
        var scored = pages.Where(p => truth[p] is not null)
            // A page that failed counts as entirely wrong, not as missing.
            .Select(p => (Class: PageClass(p), Cer: texts.GetValueOrDefault(p) is { } t ? CharacterErrorRate.Compute(truth[p]!, t) : 1.0))
            .ToList();
        var perClass = scored.GroupBy(s => s.Class).ToDictionary(g => g.Key, g => CerSummary.Of(g.Select(x => x.Cer))!);
        return new OcrBenchmarkRun(name, pages.Count, pages.Count(p => texts.GetValueOrDefault(p) is null), elapsed, cpu,
            CerSummary.Of(scored.Select(s => s.Cer)), perClass);
    }

    private static string? ReadGroundTruth(string page)
    {
        var gt = Path.Combine(Path.GetDirectoryName(page)!, Path.GetFileNameWithoutExtension(page) + ".gt.txt");
        return File.Exists(gt) ? File.ReadAllText(gt) : null;
    }

    [GeneratedRegex(@"^([A-Za-z]+[A-Za-z0-9]*?)[-_]\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex ClassPattern();
}
