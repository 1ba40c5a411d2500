using System.Globalization;
using System.Text;

namespace DataHub.Ocr.Benchmark;

/// <summary>Our engine against bare tesseract on the same pages, rendered as a markdown table.</summary>
public sealed record OcrBenchmarkReport(string Directory, int Pages, int Parallelism, OcrBenchmarkRun Engine, OcrBenchmarkRun Tesseract, string TesseractVersion)
{
    public string ToMarkdown()
    {
        var inv = CultureInfo.InvariantCulture;
        static string Cer(CerSummary? s, Func<CerSummary, double> pick) => s is null ? "–" : (pick(s) * 100).ToString("0.00", CultureInfo.InvariantCulture) + " %";
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"OCR benchmark: {Pages} pages in `{Directory}`, {Parallelism} at a time, {Environment.ProcessorCount} cores, Tesseract {TesseractVersion}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        sb.AppendLine();
        sb.AppendLine(inv, $"| | {Engine.Name} | {Tesseract.Name} |");
        sb.AppendLine("|---|---:|---:|");
        sb.AppendLine(inv, $"| pages/s | {Engine.PagesPerSecond:0.00} | {Tesseract.PagesPerSecond:0.00} |");
        sb.AppendLine(inv, $"| wall time | {Engine.Elapsed.TotalSeconds:0.0} s | {Tesseract.Elapsed.TotalSeconds:0.0} s |");
        sb.AppendLine(inv, $"| CPU s/page | {Engine.CpuSecondsPerPage:0.00} | {Tesseract.CpuSecondsPerPage:0.00} |");
        sb.AppendLine(inv, $"| failed pages | {Engine.FailedPages} | {Tesseract.FailedPages} |");
        sb.AppendLine(inv, $"| pages re-checked for orientation | {Engine.DoubtedPages?.ToString(inv) ?? "–"} | {Tesseract.DoubtedPages?.ToString(inv) ?? "–"} |");
        sb.AppendLine(inv, $"| CER mean (all) | {Cer(Engine.Overall, s => s.Mean)} | {Cer(Tesseract.Overall, s => s.Mean)} |");
        sb.AppendLine(inv, $"| CER worst (all) | {Cer(Engine.Overall, s => s.Worst)} | {Cer(Tesseract.Overall, s => s.Worst)} |");
        foreach (var cls in Engine.PerClass.Keys.Union(Tesseract.PerClass.Keys).Order(StringComparer.Ordinal))
        {
            Engine.PerClass.TryGetValue(cls, out var e);
            Tesseract.PerClass.TryGetValue(cls, out var t);
            sb.AppendLine(inv, $"| CER {cls} (mean / worst, {e?.Pages ?? t?.Pages} p.) | {Cer(e, s => s.Mean)} / {Cer(e, s => s.Worst)} | {Cer(t, s => s.Mean)} / {Cer(t, s => s.Worst)} |");
        }
        return sb.ToString();
    }
}
