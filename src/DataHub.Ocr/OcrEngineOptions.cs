namespace DataHub.Ocr;

/// <summary>Settings of an <see cref="OcrEngine"/>; the defaults are the measured best for Debian's vie model.</summary>
public sealed record OcrEngineOptions
{
    /// <summary>Engines in the pool: one per core, because each recognition is single-threaded (OpenMP off).</summary>
    public int PoolSize { get; init; } = Environment.ProcessorCount;

    public string Language { get; init; } = "vie";

    /// <summary>Null = the tessdata directory libtesseract was built with (/usr/share/tesseract-ocr/5/tessdata).</summary>
    public string? TessDataPath { get; init; }

    /// <summary>1 = LSTM only. Debian's vie model has no legacy parts, so 0 and 2 fail to initialize.</summary>
    public int EngineMode { get; init; } = 1;

    /// <summary>
    /// Page segmentation mode. Measured on 48 rendered pages (8 classes): 3 (automatic) and 6 (single
    /// block) tie on clean, skewed, rotated, JPEG and 150-dpi pages, but on noisy unevenly lit pages
    /// without pre-binarization 6 collapsed (mean CER 67 % vs 4.9 %), with it 6 was still slower (timed on a
    /// loaded machine; instruction counts later showed 6 cheaper, see <see cref="GuessedPageSegMode"/>). So 3.
    /// </summary>
    public int PageSegMode { get; init; } = 3;

    /// <summary>
    /// Page segmentation mode for a page whose turn <see cref="MinOrientationGuessConfidence"/>'s guess is
    /// sure of; <see cref="PageSegMode"/> for the rest and for every second look. 6 (one uniform block)
    /// skips Tesseract's layout analysis (rule-line removal, column and table finding): on our deskewed,
    /// binarized pages 21.5 % fewer instructions per page than 3 (callgrind) and the same CER on all 8
    /// corpus classes, but a page with side-by-side columns — the two-column header of most Vietnamese
    /// administrative documents — is read line by line across them. 3 is the default: with the turn
    /// guessed it already reads faster than bare Tesseract (bench/RESULTS.md, 0.48 against 0.60 CPU
    /// s/page); single-column archives may set 6 (0.44). Without a guess 3 always stays: its layout
    /// analysis is what shows a sideways page (words standing on end), which 6 reads as garbage lines.
    /// </summary>
    public int GuessedPageSegMode { get; init; } = 3;

    /// <summary>Resolution assumed when a page carries no (or implausible) DPI metadata.</summary>
    public int DefaultDpi { get; init; } = 300;

    /// <summary>Pages below this resolution (faxes, 150-dpi scans) are upscaled 2x before recognition.</summary>
    public int LowResolutionDpi { get; init; } = 200;

    /// <summary>Decompression-bomb guard, checked from the image header before any pixel is decoded.</summary>
    public long MaxPixelsPerPage { get; init; } = 100_000_000;

    public bool DetectOrientation { get; init; } = true;

    /// <summary>
    /// A page is first read as it lies (or as <see cref="MinOrientationGuessConfidence"/>'s guess turned it);
    /// only when that reading's mean confidence is below this (or its words stand on end) is its
    /// orientation checked (a 180° reading, or OSD; see PageReader).
    /// Either costs about as much CPU as recognition, and almost every scan is upright. Measured on rendered
    /// pages: upright ones (clean, noisy, JPEG, 150 dpi, skewed after deskew) read at 93–96, pages turned
    /// 180° or 270° at 38–44; 70 sits well between. Above 100, every page is checked.
    /// </summary>
    public float MinUprightConfidence { get; init; } = 70f;

    /// <summary>
    /// Leptonica's ascender/descender count must reach this (its own default, 8) before a page is read
    /// turned first (see OrientationGuess). Measured on rendered 300-dpi pages: upright +8.5 to +22,
    /// upside down −11 to −23, upright pages never below −0.6. A wrong guess costs one extra reading, not the page.
    /// </summary>
    public float MinOrientationGuessConfidence { get; init; } = 8f;

    /// <summary>Below this OSD confidence the page is left as it is: a wrong quarter turn ruins a page.</summary>
    public float MinOrientationConfidence { get; init; } = 1.5f;

    public bool Deskew { get; init; } = true;

    /// <summary>Skew search range either side of horizontal.</summary>
    public float MaxSkewDegrees { get; init; } = 12f;

    /// <summary>
    /// Measured on the same 48 pages: noisy pages with uneven light went from mean/worst CER 4.9 %/23 %
    /// (Tesseract's own Otsu) to 0.12 %/0.47 % with background normalization + Otsu (Sauvola 0.15 %/0.47 %,
    /// but it doubled the JPEG class's CER); every other class was unchanged, and the run got faster
    /// because Tesseract no longer chases noise. Hence background-normalized Otsu by default.
    /// </summary>
    public Binarization Binarization { get; init; } = Binarization.BackgroundNormalizedOtsu;

    /// <summary>A PDF whose text layer has fewer non-space characters per page than this is OCR'd instead.</summary>
    public int MinTextLayerCharsPerPage { get; init; } = 20;

    public int PdfRenderDpi { get; init; } = 300;

    /// <summary>Where pdftotext/pdftoppm live; null = on PATH.</summary>
    public string? PopplerDirectory { get; init; }
}
