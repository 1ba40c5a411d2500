using System.Globalization;

namespace DataHub.Ocr.Corpus;

/// <summary>
/// Renders OCR test pages with exact ground truth: text2image draws Vietnamese administrative text in a
/// font with full Vietnamese coverage, ImageMagick then adds what scanners add (noise and uneven light,
/// skew, quarter turns, JPEG loss). Files are named CLASS-NN.ext with CLASS-NN.gt.txt beside them, the
/// layout the OCR benchmark reads. Deterministic: text2image's degradation and ImageMagick's noise are
/// seeded, so a corpus renders the same on every machine with the same packages.
/// </summary>
public static class OcrCorpus
{
    public const string Clean = "clean";
    public const string Noisy = "noisy";
    public const string Skewed = "skewed";
    public const string Rotated90 = "rotated90";
    public const string Rotated180 = "rotated180";
    public const string Rotated270 = "rotated270";
    public const string Jpeg = "jpeg";
    public const string LowResolution = "dpi150";

    public static IReadOnlyList<string> AllClasses { get; } = [Clean, Noisy, Skewed, Rotated90, Rotated180, Rotated270, Jpeg, LowResolution];

    public const string DefaultFont = "Noto Serif";

    /// <summary>Half an A4 page: enough for the passages at half the recognition time of a full page.</summary>
    public const double PageHeightInches = 5.85;

    /// <summary>Skew angles cycled through by the skewed class: both directions, 3° to 10°.</summary>
    private static readonly double[] SkewAngles = [4, -3, 7, -10, 5.5, -6];

    /// <summary>
    /// Renders <paramref name="pagesPerClass"/> pages of each class into <paramref name="directory"/>;
    /// <paramref name="skewDegrees"/> fixes the skew of the skewed class (default: cycle 4, -3, 7, -10, 5.5, -6).
    /// </summary>
    public static async Task<IReadOnlyList<OcrCorpusPage>> GenerateAsync(
        string directory, IEnumerable<string>? classes = null, int pagesPerClass = 1, CancellationToken ct = default, double? skewDegrees = null)
    {
        Directory.CreateDirectory(directory);
        var work = Directory.CreateTempSubdirectory("datahub-corpus-");
        try
        {
            var pages = new List<OcrCorpusPage>();
            var n = 0;
            foreach (var pageClass in classes ?? AllClasses)
            {
                for (var i = 0; i < pagesPerClass; i++, n++)
                {
                    var text = CorpusTexts.Passages[n % CorpusTexts.Passages.Length];
                    pages.Add(await RenderAsync(directory, work.FullName, pageClass, i + 1, text, ct, skewDegrees).ConfigureAwait(false));
                }
            }
            return pages;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Renders one page of <paramref name="pageClass"/> showing <paramref name="text"/>.</summary>
    public static async Task<OcrCorpusPage> RenderAsync(string directory, string workDirectory, string pageClass, int number, string text, CancellationToken ct = default, double? skewDegrees = null)
    {
        var name = $"{pageClass}-{number:00}";
        var lowRes = pageClass == LowResolution;
        var baseTif = await RenderTextAsync(workDirectory, name, text, lowRes ? 150 : 300, degrade: pageClass == Noisy, ct).ConfigureAwait(false);
        var inv = CultureInfo.InvariantCulture;
        string output;
        List<string> args;
        switch (pageClass)
        {
            case Clean or LowResolution:
                output = Path.Combine(directory, name + ".tif");
                File.Copy(baseTif, output, overwrite: true);
                args = [];
                break;
            case Noisy:
                output = Path.Combine(directory, name + ".png");
                // Uneven lighting (a gray gradient), sensor noise and a little blur: what a cheap scanner adds.
                args = [baseTif, "-colorspace", "Gray", "-depth", "8",
                        "(", "-size", $"{(int)(8.27 * 300)}x{(int)(PageHeightInches * 300)}", "gradient:white-gray50", ")", "-compose", "Multiply", "-composite",
                        "-seed", "7", "-attenuate", "1.2", "+noise", "Gaussian", "-blur", "0x1", "-density", "300", "-units", "PixelsPerInch", output];
                break;
            case Skewed:
                output = Path.Combine(directory, name + ".png");
                var angle = skewDegrees ?? SkewAngles[(number - 1) % SkewAngles.Length];
                args = [baseTif, "-colorspace", "Gray", "-depth", "8", "-background", "white", "-rotate", angle.ToString(inv),
                        "-density", "300", "-units", "PixelsPerInch", output];
                break;
            case Rotated90 or Rotated180 or Rotated270:
                output = Path.Combine(directory, name + ".png");
                args = [baseTif, "-colorspace", "Gray", "-depth", "8", "-rotate", pageClass["rotated".Length..],
                        "-density", "300", "-units", "PixelsPerInch", output];
                break;
            case Jpeg:
                output = Path.Combine(directory, name + ".jpg");
                args = [baseTif, "-colorspace", "Gray", "-blur", "0x0.5", "-quality", "25", "-density", "300", "-units", "PixelsPerInch", output];
                break;
            default:
                throw new ArgumentException($"unknown page class '{pageClass}'; known: {string.Join(", ", AllClasses)}", nameof(pageClass));
        }
        if (args.Count > 0) await RunAsync("convert", args, ct).ConfigureAwait(false);
        var gtPath = Path.Combine(directory, name + ".gt.txt");
        var groundTruth = Normalize(text);
        await File.WriteAllTextAsync(gtPath, groundTruth + "\n", ct).ConfigureAwait(false);
        return new OcrCorpusPage(output, gtPath, groundTruth, pageClass);
    }

    /// <summary>Renders text to a half-A4 TIFF (enough for the passages, half the recognition time of a full page).</summary>
    public static async Task<string> RenderTextAsync(string workDirectory, string name, string text, int dpi, bool degrade, CancellationToken ct, string font = DefaultFont, int ptSize = 12, double heightInches = PageHeightInches)
    {
        var textFile = Path.Combine(workDirectory, name + ".txt");
        await File.WriteAllTextAsync(textFile, Normalize(text) + "\n", ct).ConfigureAwait(false);
        var outBase = Path.Combine(workDirectory, name);
        var inv = CultureInfo.InvariantCulture;
        await RunAsync("text2image",
        [
            "--text", textFile, "--outputbase", outBase, "--font", font, "--fonts_dir", "/usr/share/fonts",
            "--ptsize", ptSize.ToString(inv), "--resolution", dpi.ToString(inv),
            "--xsize", ((int)(8.27 * dpi)).ToString(inv), "--ysize", ((int)(heightInches * dpi)).ToString(inv),
            "--margin", (dpi / 3).ToString(inv), "--leading", (dpi / 25).ToString(inv),
            "--degrade_image=" + (degrade ? "true" : "false"), "--rotate_image=false",
            "--strip_unrenderable_words=false",
        ], ct).ConfigureAwait(false);
        var tif = outBase + ".tif";
        if (!File.Exists(tif)) throw new OcrException($"text2image produced no page for {name}");
        return tif;
    }

    /// <summary>The ground truth as text2image lays it out: trimmed lines, NFC, no blank lines.</summary>
    public static string Normalize(string text) =>
        string.Join("\n", text.Normalize(System.Text.NormalizationForm.FormC)
            .Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    private static async Task RunAsync(string tool, IEnumerable<string> args, CancellationToken ct)
    {
        var run = await ProcessRunner.RunAsync(tool, args, ct).ConfigureAwait(false);
        if (run.ExitCode != 0)
        {
            throw new OcrException($"{tool} failed (exit {run.ExitCode}): {run.StdErr.Trim().Split('\n').LastOrDefault()}");
        }
    }
}
