using System.Runtime.InteropServices;
using DataHub.Ocr.Interop;

namespace DataHub.Ocr;

/// <summary>
/// One pooled worker: a recognition engine for the configured language and, created on first use, a
/// separate "osd" engine for orientation detection. OSD runs Tesseract's legacy classifier, which the
/// LSTM-only vie model cannot provide, so "vie+osd" in one engine does not detect anything (measured);
/// a second small engine per worker does. A worker is used by one thread at a time (the pool ensures it).
/// </summary>
internal sealed class OcrWorker : IDisposable
{
    private readonly OcrEngineOptions _options;
    private readonly TessBaseApiHandle _api;
    private TessBaseApiHandle? _osd;

    public OcrWorker(OcrEngineOptions options)
    {
        _options = options;
        _api = CreateApi(options.Language, options.EngineMode);
        // The fixed-pitch (typewriter) search serves the legacy classifier's chopping; the LSTM engine
        // reads whole lines and does not need it. Off, it saved 2.6 % of Tesseract's instructions on a
        // page (callgrind) with identical text, also on pages rendered in monospaced fonts.
        Tesseract.TessBaseAPISetVariable(_api, "textord_disable_pitch_test", "1");
    }

    private TessBaseApiHandle CreateApi(string language, int oem)
    {
        var api = Tesseract.TessBaseAPICreate();
        if (api.IsInvalid) throw new OcrException("could not create a Tesseract engine");
        if (Tesseract.TessBaseAPIInit2(api, _options.TessDataPath, language, oem) != 0)
        {
            api.Dispose();
            throw new OcrException($"could not initialize Tesseract with language '{language}' (engine mode {oem}); is its traineddata installed?");
        }
        // Tesseract writes diagnostics ("Estimating resolution ...") to stderr; the CLI's stderr is for one-line errors.
        Tesseract.TessBaseAPISetVariable(api, "debug_file", "/dev/null");
        return api;
    }

    /// <summary>Clockwise quarter turns (0..3) that make the page upright, or 0 when OSD is unsure.</summary>
    public (int Quarters, float Confidence) DetectOrientation(PixHandle page, int dpi)
    {
        _osd ??= CreateApi("osd", 0);
        Tesseract.TessBaseAPISetPageSegMode(_osd, 0);
        Tesseract.TessBaseAPISetImage2(_osd, page);
        Tesseract.TessBaseAPISetSourceResolution(_osd, dpi);
        try
        {
            if (Tesseract.TessBaseAPIDetectOrientationScript(_osd, out var deg, out var conf, out _, out _) == 0)
            {
                return (0, 0);
            }
            return (((360 - deg) % 360) / 90, conf);
        }
        finally
        {
            Tesseract.TessBaseAPIClear(_osd);
        }
    }

    /// <summary>Reads a page with the given page segmentation mode (a cheap setter, so it may change per reading).</summary>
    public (string Text, float MeanConfidence, IReadOnlyList<OcrWord> Words) Recognize(PixHandle page, int dpi, int pageSegMode)
    {
        Tesseract.TessBaseAPISetPageSegMode(_api, pageSegMode);
        Tesseract.TessBaseAPISetImage2(_api, page);
        Tesseract.TessBaseAPISetSourceResolution(_api, dpi);
        try
        {
            if (Tesseract.TessBaseAPIRecognize(_api, IntPtr.Zero) != 0)
            {
                throw new OcrException("Tesseract failed to recognize the page");
            }
            string text;
            using (var t = Tesseract.TessBaseAPIGetUTF8Text(_api)) text = t.Read();
            var words = ReadWords();
            // MeanTextConf weights by characters; a page with no words reports 0, which is what we want.
            float mean = Tesseract.TessBaseAPIMeanTextConf(_api);
            return (text, Math.Clamp(mean, 0, 100), words);
        }
        finally
        {
            Tesseract.TessBaseAPIClear(_api);
        }
    }

    private List<OcrWord> ReadWords()
    {
        var words = new List<OcrWord>();
        using var it = Tesseract.TessBaseAPIGetIterator(_api);
        if (it.IsInvalid) return words;
        var page = Tesseract.TessResultIteratorGetPageIteratorConst(it);
        var line = -1;
        do
        {
            if (line < 0 || Tesseract.TessPageIteratorIsAtBeginningOf(page, Tesseract.LevelTextLine) != 0) line++;
            string text;
            using (var t = Tesseract.TessResultIteratorGetUTF8Text(it, Tesseract.LevelWord)) text = t.Read();
            if (text.Length == 0) continue;
            var conf = Tesseract.TessResultIteratorConfidence(it, Tesseract.LevelWord);
            Tesseract.TessPageIteratorBoundingBox(page, Tesseract.LevelWord, out var l, out var top, out var r, out var b);
            words.Add(new OcrWord(text, Math.Clamp(conf, 0, 100), new OcrBoundingBox(l, top, r, b), line));
        }
        while (Tesseract.TessResultIteratorNext(it, Tesseract.LevelWord) != 0);
        return words;
    }

    public void Dispose()
    {
        _api.Dispose();
        _osd?.Dispose();
    }
}
