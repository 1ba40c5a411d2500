using DataHub.Ocr.Interop;

namespace DataHub.Ocr;

/// <summary>
/// Reads one page, paying for a second reading only when the first one is doubtful. The page is
/// deskewed and binarized as it lies, then <see cref="OrientationGuess"/> (morphology, a few tens of
/// ms) says which way up it probably is. When it is sure, the page is read that way up as one block of
/// text (<see cref="OcrEngineOptions.GuessedPageSegMode"/>, skipping Tesseract's layout analysis);
/// otherwise, or when that reading is doubtful, it is read as it lies with full layout analysis
/// (<see cref="OcrEngineOptions.PageSegMode"/>). Only a doubtful reading (low confidence, or words
/// standing on end) is followed by a second look, whose kind the shape of the words decides: wide boxes
/// mean horizontal lines, so the page is upright but poor or upside down, and a reading turned 180°
/// settles that directly (cheaper than OSD, which would still have to be followed by that reading);
/// tall boxes mean a sideways page, where only OSD tells 90° from 270° (about as costly as a reading).
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
            using var lying = PagePreparer.Finish(gray, dpi, 0, options);
            var guess = options.DetectOrientation ? OrientationGuess.QuartersToUpright(lying.Pix, options.MinOrientationGuessConfidence) : null;
            OcrPageResult? guessed = null;
            if (guess is { } quartersGuessed)
            {
                if (quartersGuessed == 0)
                {
                    guessed = Recognize(lying, pageNumber, worker, options.GuessedPageSegMode);
                }
                else
                {
                    using var turned = quartersGuessed == 2 ? PagePreparer.TurnHalf(lying) : PagePreparer.Finish(gray, dpi, quartersGuessed, options);
                    guessed = Recognize(turned, pageNumber, worker, options.GuessedPageSegMode);
                }
                if (LooksUpright(guessed, options.MinUprightConfidence)) return (guessed, false);
                // A wrong guess (a table of digits, a figure) or a poor page: the usual path follows.
            }

            var asItLies = Recognize(lying, pageNumber, worker, options.PageSegMode);
            if (!options.DetectOrientation || LooksUpright(asItLies, options.MinUprightConfidence))
            {
                return (asItLies, guessed is not null);
            }
            if (!StandsOnEnd(asItLies))
            {
                if (guess != 2)
                {
                    using var turned = PagePreparer.TurnHalf(lying);
                    guessed = Better(guessed, Recognize(turned, pageNumber, worker, options.PageSegMode));
                }
                return (Better(guessed, asItLies), true);
            }
            var (quarters, conf) = PagePreparer.DetectOrientation(gray, dpi, worker);
            // OSD unsure or happy with the page as it lies: the readings so far are all there is to have.
            if (quarters == 0 || conf < options.MinOrientationConfidence) return (Better(guessed, asItLies), true);
            using var osdTurned = PagePreparer.Finish(gray, dpi, quarters, options);
            return (Recognize(osdTurned, pageNumber, worker, options.PageSegMode), true);
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

    /// <summary>The more confident of two readings; on a tie the second, which callers pass as the page as it lies.</summary>
    private static OcrPageResult Better(OcrPageResult? first, OcrPageResult second) =>
        first is not null && first.MeanConfidence > second.MeanConfidence ? first : second;

    private static OcrPageResult Recognize(PreparedPage page, int pageNumber, OcrWorker worker, int pageSegMode)
    {
        var (text, conf, words) = worker.Recognize(page.Pix, page.Dpi, pageSegMode);
        return new OcrPageResult(pageNumber, text.TrimEnd(), conf, page.RotationDegrees, page.SkewDegrees, words);
    }
}
