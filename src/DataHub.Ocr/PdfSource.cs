namespace DataHub.Ocr;

/// <summary>
/// A PDF through poppler-utils: its text layer when it has a real one (born-digital results), else its
/// pages rasterized at scanning resolution for OCR.
/// </summary>
internal static class PdfSource
{
    public static bool IsPdf(ReadOnlySpan<byte> data) => data.StartsWith("%PDF-"u8);

    /// <summary>The text layer split into pages, or null when it is empty or too thin to trust (a scan).</summary>
    public static async Task<IReadOnlyList<string>?> ReadTextLayerAsync(string pdfPath, string name, OcrEngineOptions options, CancellationToken ct)
    {
        var run = await ProcessRunner.RunAsync(Tool(options, "pdftotext"), ["-enc", "UTF-8", pdfPath, "-"], ct).ConfigureAwait(false);
        if (run.ExitCode != 0) throw Failure(run, name);
        // pdftotext ends every page with a form feed.
        var pages = run.StdOut.Split('\f').ToList();
        if (pages.Count > 1 && string.IsNullOrWhiteSpace(pages[^1])) pages.RemoveAt(pages.Count - 1);
        var chars = run.StdOut.Count(c => !char.IsWhiteSpace(c));
        return chars >= options.MinTextLayerCharsPerPage * Math.Max(1, pages.Count) ? pages.Select(p => p.Trim()).ToList() : null;
    }

    /// <summary>Renders every page to <paramref name="directory"/> as 8-bit gray PNG; returns the files in page order.</summary>
    public static async Task<IReadOnlyList<string>> RasterizeAsync(string pdfPath, string name, string directory, OcrEngineOptions options, CancellationToken ct)
    {
        var prefix = Path.Combine(directory, "page");
        var run = await ProcessRunner.RunAsync(Tool(options, "pdftoppm"),
            ["-r", options.PdfRenderDpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-gray", "-png", pdfPath, prefix], ct).ConfigureAwait(false);
        if (run.ExitCode != 0) throw Failure(run, name);
        // pdftoppm pads page numbers to the width of the page count, so ordinal sort is page order.
        var files = Directory.GetFiles(directory, "page-*.png").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new OcrException($"{name}: PDF has no pages", name);
        return files;
    }

    private static string Tool(OcrEngineOptions options, string tool) =>
        options.PopplerDirectory is null ? tool : Path.Combine(options.PopplerDirectory, tool);

    private static OcrException Failure(ProcessRunner.Outcome run, string name)
    {
        var err = run.StdErr;
        if (err.Contains("password", StringComparison.OrdinalIgnoreCase) || run.ExitCode == 3)
        {
            return new OcrException($"{name}: PDF is password-protected; ask the sender for an unprotected copy", name);
        }
        var first = err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? $"exit code {run.ExitCode}";
        return new OcrException($"{name}: PDF cannot be read ({first})", name);
    }
}
