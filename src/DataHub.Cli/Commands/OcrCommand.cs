using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using DataHub.Ocr;

namespace DataHub.Cli.Commands;

/// <summary>
/// <c>datahub ocr FILE... [--format text|json] [--out DIR]</c>: OCR scans and PDFs through the engine
/// pool, files in parallel. One file without --out prints its text; --out writes DIR/NAME.txt|json per
/// input. A bad file is one line on stderr and a non-zero exit, the other files are still done.
/// </summary>
internal static class OcrCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        // Vietnamese stays readable in the output instead of \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Scans (PNG, JPEG, TIFF incl. multi-page) or PDFs", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "text or json (json: per page text, mean confidence, rotation, skew)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var outDir = new Option<string?>("--out") { Description = "Write DIR/<name>.txt (or .json) per input instead of printing" };
        var command = new Command("ocr", "OCR scanned paper records (Vietnamese) in parallel") { files, format, outDir };
        command.SetAction(async (ParseResult r, CancellationToken ct) =>
            await RunAsync(r.GetValue(files) ?? [], r.GetValue(format) ?? "text", r.GetValue(outDir), ct));
        return command;
    }

    private static async Task<int> RunAsync(string[] files, string format, string? outDir, CancellationToken ct)
    {
        if (outDir is not null) Directory.CreateDirectory(outDir);
        var outputNames = UniqueOutputNames(files);
        var results = new OcrDocumentResult?[files.Length];
        var failed = 0;
        using var engine = new OcrEngine();
        var indexes = Enumerable.Range(0, files.Length);
        // Twice the pool keeps every engine busy while the next files are being read and decoded.
        await Parallel.ForEachAsync(indexes, new ParallelOptions { MaxDegreeOfParallelism = engine.Options.PoolSize * 2, CancellationToken = ct }, async (i, token) =>
        {
            try
            {
                var result = await engine.RecognizeFileAsync(files[i], token);
                if (outDir is null)
                {
                    results[i] = result;
                    return;
                }
                var ext = format == "json" ? ".json" : ".txt";
                await File.WriteAllTextAsync(Path.Combine(outDir, outputNames[i] + ext), Render(result, format), token);
            }
            catch (OcrException e)
            {
                Interlocked.Increment(ref failed);
                await Console.Error.WriteLineAsync($"ocr: {e.Message}");
            }
        });
        if (outDir is null)
        {
            // Printed in argument order, after the parallel run, so outputs of different files never interleave.
            var ok = results.Where(r => r is not null).Select(r => r!).ToList();
            foreach (var result in ok)
            {
                if (ok.Count > 1 && format == "text") Console.Out.WriteLine($"==> {result.SourcePath} <==");
                Console.Out.WriteLine(Render(result, format));
            }
        }
        return failed == 0 ? 0 : 1;
    }

    private static string Render(OcrDocumentResult result, string format) => format == "json"
        ? JsonSerializer.Serialize(new
        {
            source = result.SourcePath,
            usedPdfTextLayer = result.UsedPdfTextLayer,
            meanConfidence = Math.Round(result.MeanConfidence, 1),
            pages = result.Pages.Select(p => new
            {
                page = p.PageNumber,
                meanConfidence = Math.Round(p.MeanConfidence, 1),
                rotationDegrees = p.RotationDegrees,
                skewDegrees = Math.Round(p.SkewDegrees, 2),
                text = p.Text,
            }),
        }, Json)
        : result.Text;

    /// <summary>NAME of NAME.ext per input; a second "scan.png" (from another folder) becomes "scan-2".</summary>
    private static string[] UniqueOutputNames(string[] files)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return files.Select(f =>
        {
            var name = Path.GetFileNameWithoutExtension(f);
            var n = seen[name] = seen.GetValueOrDefault(name) + 1;
            return n == 1 ? name : $"{name}-{n}";
        }).ToArray();
    }
}
