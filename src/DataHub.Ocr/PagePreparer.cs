using DataHub.Ocr.Interop;

namespace DataHub.Ocr;

/// <summary>
/// Turns a decoded scan into what Tesseract reads best: square pixels at a usable resolution,
/// upright, deskewed, optionally binarized. Whether the page needs turning is decided elsewhere
/// (<see cref="PageReader"/>), because finding out costs as much as reading the page. Every intermediate PIX is released as soon as the next
/// step has produced its successor.
/// </summary>
internal static class PagePreparer
{
    /// <summary>Physical page width above which DPI metadata is taken to be wrong (a 2480 px A4 scan saved as 72 dpi is 34 inches wide).</summary>
    private const double MaxPlausibleWidthInches = 24;

    /// <summary>
    /// Grayscale, square pixels, at least <see cref="OcrEngineOptions.LowResolutionDpi"/>: the page as it
    /// lies, before any turn. The caller owns the result and may <see cref="Finish"/> it more than once.
    /// </summary>
    public static (PixHandle Gray, int Dpi) Normalize(PixHandle raw, OcrEngineOptions options)
    {
        var (xres, yres) = Resolution(raw, options);
        var pix = Replace(raw, Leptonica.pixConvertTo8(raw, 0), "convert to grayscale");

        // Faxes come as 200x100 dpi: stretch the short axis so pixels are square again.
        if (xres != yres)
        {
            var max = Math.Max(xres, yres);
            pix = Replace(pix, Leptonica.pixScale(pix, (float)max / xres, (float)max / yres), "scale to square pixels");
            xres = yres = max;
        }
        var dpi = xres;
        // LSTM models were trained on ~30 px x-height; 150-dpi text is too small to read reliably.
        if (dpi < options.LowResolutionDpi)
        {
            pix = Replace(pix, Leptonica.pixScale(pix, 2f, 2f), "upscale");
            dpi *= 2;
        }
        return (pix, dpi);
    }

    /// <summary>
    /// Turns a normalized page by <paramref name="quarters"/> clockwise quarter turns, deskews and
    /// binarizes it. Leaves <paramref name="gray"/> as it was, so a page read once as it lies can be
    /// finished again turned.
    /// </summary>
    public static PreparedPage Finish(PixHandle gray, int dpi, int quarters, OcrEngineOptions options)
    {
        // A clone is a second reference to the same pixels: every step below releases its input.
        var pix = Replace(null, Leptonica.pixClone(gray), "clone");
        if (quarters != 0) pix = Replace(pix, Leptonica.pixRotateOrth(pix, quarters), "rotate");

        var skew = 0f;
        if (options.Deskew)
        {
            var deskewed = Leptonica.pixDeskewGeneral(pix, 0, options.MaxSkewDegrees, 0, 0, 0, out var angle, out var conf);
            pix = Replace(pix, deskewed, "deskew");
            // Leptonica returns an unrotated copy when its confidence is too low; report no skew then.
            skew = conf >= 3 ? angle : 0;
        }

        switch (options.Binarization)
        {
            case Binarization.Sauvola:
                Leptonica.pixSauvolaBinarizeTiled(pix, Math.Max(8, dpi / 12), 0.34f, 1, 1, IntPtr.Zero, out var sauvola);
                pix = Replace(pix, sauvola, "binarize (Sauvola)");
                break;
            case Binarization.BackgroundNormalizedOtsu:
                pix = Replace(pix, Leptonica.pixBackgroundNormSimple(pix, IntPtr.Zero, IntPtr.Zero), "normalize background");
                pix = Replace(pix, Otsu(pix), "binarize (Otsu)");
                break;
        }
        Leptonica.pixSetResolution(pix, dpi, dpi);
        return new PreparedPage(pix, dpi, quarters * 90, skew);
    }

    /// <summary>Otsu tiles: a page smaller than two of them each way (A4 up to 400 dpi) is a single tile.</summary>
    private const int OtsuTile = 2000;

    /// <summary>
    /// Otsu on the background-normalized page. Up to 2x2 tiles, pixOtsuAdaptiveThreshold has one tile,
    /// i.e. one global threshold, yet took 30 ms per 300-dpi page (it copies the tile and histograms every
    /// pixel); the same split from a histogram of every other pixel of every other row plus one threshold
    /// pass takes 6 ms, and its threshold was the same on 24 of 25 rendered pages (one off by one level).
    /// Larger pages keep the tiled version.
    /// </summary>
    private static PixHandle Otsu(PixHandle pix)
    {
        if (Leptonica.pixGetWidth(pix) >= 2 * OtsuTile || Leptonica.pixGetHeight(pix) >= 2 * OtsuTile)
        {
            Leptonica.pixOtsuAdaptiveThreshold(pix, OtsuTile, OtsuTile, 0, 0, 0f, IntPtr.Zero, out var tiled);
            return tiled;
        }
        using var histogram = Leptonica.pixGetGrayHistogram(pix, 2);
        if (histogram.IsInvalid || Leptonica.numaSplitDistribution(histogram, 0f, out var threshold, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero) != 0)
        {
            return new PixHandle();
        }
        return Leptonica.pixThresholdToBinary(pix, threshold);
    }

    /// <summary>
    /// The finished page turned 180°. Deskewing and binarizing commute with a half turn (text lines keep
    /// their angle), so this skips both, unlike <see cref="Finish"/> with two quarters. Quarter turns go
    /// through Finish: a sideways page cannot be deskewed before it is turned.
    /// </summary>
    public static PreparedPage TurnHalf(PreparedPage page)
    {
        var pix = Replace(null, Leptonica.pixRotateOrth(page.Pix, 2), "rotate 180");
        Leptonica.pixSetResolution(pix, page.Dpi, page.Dpi);
        return page with { Pix = pix, RotationDegrees = (page.RotationDegrees + 180) % 360 };
    }

    /// <summary>
    /// OSD was half the CPU of a page at full resolution (0.39 of 0.81 s). At half resolution it got the
    /// same 48/48 test pages right, provided the page has at least 300 dpi to start with (150-dpi pages
    /// halved to 75 dpi failed), so only those pages are halved for it. Halving hardly saves time, though
    /// (measured later: 0.37 s half, 0.30 s at 0.35x, against 0.43 s to recognize the whole page): OSD
    /// classifies a fixed sample of up to 250 blobs four ways. Hence it runs only on doubtful pages.
    /// </summary>
    public static (int Quarters, float Confidence) DetectOrientation(PixHandle pix, int dpi, OcrWorker worker)
    {
        if (dpi < 280) return worker.DetectOrientation(pix, dpi);
        using var half = Leptonica.pixScale(pix, 0.5f, 0.5f);
        return half.IsInvalid ? worker.DetectOrientation(pix, dpi) : worker.DetectOrientation(half, dpi / 2);
    }

    private static (int X, int Y) Resolution(PixHandle pix, OcrEngineOptions options)
    {
        int x = Leptonica.pixGetXRes(pix), y = Leptonica.pixGetYRes(pix);
        var width = Leptonica.pixGetWidth(pix);
        if (x <= 0 && y <= 0) return (options.DefaultDpi, options.DefaultDpi);
        if (x <= 0) x = y;
        if (y <= 0) y = x;
        if (x < 50 || y < 50 || x > 2400 || y > 2400 || width / (double)x > MaxPlausibleWidthInches)
        {
            return (options.DefaultDpi, options.DefaultDpi);
        }
        return (x, y);
    }

    /// <summary>Frees the previous stage's pixels once the next stage exists; a failed stage is a broken image.</summary>
    private static PixHandle Replace(PixHandle? previous, PixHandle next, string step)
    {
        previous?.Dispose();
        if (next.IsInvalid)
        {
            next.Dispose();
            throw new OcrException($"page preparation failed at step '{step}'");
        }
        return next;
    }
}
