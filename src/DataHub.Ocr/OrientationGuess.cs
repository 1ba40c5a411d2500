using DataHub.Ocr.Interop;

namespace DataHub.Ocr;

/// <summary>
/// Guesses a page's turn before it is read, from Leptonica's ascender/descender count
/// (<c>pixUpDownDetect</c>: hit-miss transforms on the 1-bpp page, 20–40 ms against 450 ms for a reading).
/// Without it, an upside-down page was read twice: once as it lies (garbage at ~40 confidence), then
/// turned. Vietnamese gives the count a strong signal — diacritics sit above the letters — measured on
/// rendered 300-dpi pages: upright +8.5 to +22, upside down −11 to −23; turned 90°/270° pages give
/// ±2 upright and ±9.5 to ±23 once rotated a quarter. 150-dpi pages upscaled give under ±6, i.e. no guess.
/// A guess chooses how the first reading is taken; a doubtful reading still goes the old way (see PageReader).
/// </summary>
internal static class OrientationGuess
{
    /// <summary>
    /// How far the quarter-turn count must beat the up/down one (Leptonica's makeOrientDecision uses 2.5):
    /// a page that is upright or upside down can still show a weak sideways signal.
    /// </summary>
    private const float MinRatio = 2.5f;

    /// <summary>Clockwise quarter turns (0..3) that should make the page upright, or null when the counts do not say.</summary>
    public static int? QuartersToUpright(PixHandle page, float minConfidence)
    {
        using var binary = AsBinary(page);
        if (binary is null) return null;
        var up = UpDown(binary);
        if (up >= minConfidence) return 0;
        if (up <= -minConfidence) return 2;
        // Not clearly up or down: only then is the quarter-turned count worth its 20-40 ms.
        using var quarter = Leptonica.pixRotateOrth(binary, 1);
        if (quarter.IsInvalid) return null;
        return Decide(up, UpDown(quarter), minConfidence);
    }

    /// <summary>
    /// The decision from both counts: <paramref name="left"/> is the up/down count of the page turned 90°
    /// clockwise, so a strong positive value means the text's tops face left and a 90° turn rights it.
    /// </summary>
    internal static int? Decide(float up, float left, float minConfidence)
    {
        if (up >= minConfidence && Math.Abs(up) > MinRatio * Math.Abs(left)) return 0;
        if (up <= -minConfidence && Math.Abs(up) > MinRatio * Math.Abs(left)) return 2;
        if (left >= minConfidence && Math.Abs(left) > MinRatio * Math.Abs(up)) return 1;
        if (left <= -minConfidence && Math.Abs(left) > MinRatio * Math.Abs(up)) return 3;
        return null;
    }

    private static float UpDown(PixHandle binary) =>
        Leptonica.pixUpDownDetect(binary, out var conf, 0, 0, 0) == 0 ? conf : 0;

    /// <summary>A new reference to the 1-bpp page; pages prepared without binarization are thresholded for the count only.</summary>
    private static PixHandle? AsBinary(PixHandle page)
    {
        var pix = Leptonica.pixGetDepth(page) == 1 ? Leptonica.pixClone(page) : Leptonica.pixConvertTo1(page, 128);
        if (!pix.IsInvalid) return pix;
        pix.Dispose();
        return null;
    }
}
