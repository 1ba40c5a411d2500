using System.CommandLine;
using DataHub.Ocr;
using DataHub.Ocr.Benchmark;
using DataHub.Ocr.Corpus;

namespace DataHub.Cli.Commands;

/// <summary>
/// <c>datahub bench ocr DIR [--generate N] [--classes a,b] [--skew DEG]</c>: our engine vs bare tesseract
/// over the pages in DIR (NAME.gt.txt = ground truth), printed as a markdown table. The command is named
/// "ocr"; register it under the "bench" command. --generate renders an N-pages-per-class corpus into DIR
/// first (the same generator the tests use).
/// </summary>
internal static class BenchOcrCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("dir") { Description = "Directory of page images with optional NAME.gt.txt ground truth" };
        var generate = new Option<int>("--generate") { Description = "Render N pages per class into DIR before the run (0 = use DIR as it is)", DefaultValueFactory = _ => 0 };
        var classes = new Option<string>("--classes") { Description = $"Classes to render with --generate, comma-separated (of {string.Join(", ", OcrCorpus.AllClasses)})", DefaultValueFactory = _ => "clean,noisy,skewed,rotated180,jpeg" };
        var skew = new Option<double?>("--skew") { Description = "Fixed skew in degrees for the skewed class (default: a cycle of 3..10 degrees both ways)" };
        var command = new Command("ocr", "Benchmark the OCR engine against bare tesseract (pages/s and CER)") { dir, generate, classes, skew };
        command.SetAction(async (ParseResult r, CancellationToken ct) =>
        {
            var directory = r.GetValue(dir)!;
            try
            {
                var n = r.GetValue(generate);
                if (n > 0)
                {
                    var list = (r.GetValue(classes) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    var pages = await OcrCorpus.GenerateAsync(directory, list, n, ct, r.GetValue(skew));
                    await Console.Error.WriteLineAsync($"bench ocr: rendered {pages.Count} pages into {directory}");
                }
                var report = await OcrBenchmark.RunAsync(directory, ct: ct);
                Console.Out.Write(report.ToMarkdown());
                return 0;
            }
            catch (Exception e) when (e is OcrException or ArgumentException or IOException)
            {
                await Console.Error.WriteLineAsync($"bench ocr: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
