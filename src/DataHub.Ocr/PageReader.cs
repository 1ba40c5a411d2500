using DataHub.Ocr.Interop;

namespace DataHub.Ocr;

/// <summary>
/// Reads one page, paying for orientation checks only when the page needs them. OSD costs about as
/// much CPU as recognizing the page (0.37 s against 0.43 s per rendered page), and almost every scan
/// arrives upright; so the page is read as it lies first, and only a doubtful reading (low confidence,
/// or words standing on end) is followed by a second look. The shape of the doubtful reading's words
/// says which look: wide boxes mean horizontal lines, so the page is upright but poor or upside down,
/// and reading it turned 180° settles that directly (cheaper than OSD, which would still have to be
/// followed by that reading); tall boxes mean a sideways page, where only OSD tells 90° from 270°.
/// </summary>
internal static class PageReader
{
    /// <summary>Words this short say nothing about orientation: "1", "số" are about as tall as wide.</summary>
    private const int MinCharsForShape = 3;

    /// <summary>The page and whether its first reading was doubted (so it was read again or went through OSD).</summary>
    public static (OcrPageResult Page, bool Doubted) Read(PixHandle raw, int pageNumber, OcrWorker worker, OcrEngineOptions options)
    {
        var (gray, dpi) = PagePreparer.Normalize(raw, options);
        using (gray)
        {
            var asItLies = ReadTurned(gray, dpi, 0, pageNumber, worker, options);
            if (!options.DetectOrientation || LooksUpright(asItLies, options.MinUprightConfidence))
            {
                return (asItLies, false);
            }
            if (!StandsOnEnd(asItLies))
            {
                var upsideDown = ReadTurned(gray, dpi, 2, pageNumber, worker, options);
                return (upsideDown.MeanConfidence > asItLies.MeanConfidence ? upsideDown : asItLies, true);
            }
            var (quarters, conf) = PagePreparer.DetectOrientation(gray, dpi, worker);
            // OSD unsure or happy with the page as it lies: the first reading is all there is to have.
            if (quarters == 0 || conf < options.MinOrientationConfidence) return (asItLies, true);
            return (ReadTurned(gray, dpi, quarters, pageNumber, worker, options), true);
        }
    }

    /// <summary>
    /// Whether a reading of the page as it lies can be trusted to be upright. Upside-down and 270°
    /// pages read as garbage at about 40 mean confidence. A page turned 90° is different: Tesseract's
    /// layout analysis finds the vertical lines and reads them, text and confidence fine, but the
    /// reported turn would be 0 and every word box stands on end; so that is doubted as well.
    /// </summary>
    internal static bool LooksUpright(OcrPageResult reading, float minConfidence) =>
        reading.MeanConfidence >= minConfidence && !StandsOnEnd(reading);

    /// <summary>
    /// More of the longer words taller than wide than wider than tall. Measured on first readings of
    /// rendered pages: upright and 180° pages 76–89 wide, 0 tall; 90° and 270° pages 0 wide, 76–89 tall.
    /// </summary>
    internal static bool StandsOnEnd(OcrPageResult reading)
    {
        int wide = 0, tall = 0;
        foreach (var word in reading.Words)
        {
            if (word.Text.Length < MinCharsForShape) continue;
            if (word.Box.Width > word.Box.Height) wide++;
            else if (word.Box.Height > word.Box.Width) tall++;
        }
        return tall > wide;
    }

    private static OcrPageResult ReadTurned(PixHandle gray, int dpi, int quarters, int pageNumber, OcrWorker worker, OcrEngineOptions options)
    {
        using var page = PagePreparer.Finish(gray, dpi, quarters, options);
        var (text, conf, words) = worker.Recognize(page.Pix, page.Dpi);
        return new OcrPageResult(pageNumber, text.TrimEnd(), conf, page.RotationDegrees, page.SkewDegrees, words);
    }
}
