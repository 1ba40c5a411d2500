using System.Collections.Concurrent;
using DataHub.Ocr.Interop;

namespace DataHub.Ocr;

/// <summary>
/// Tesseract 5 in-process: a pool of engines, one per worker (70 ms to initialize each, so they are
/// created on first demand and reused for every later page). Thread-safe; the pages of all concurrent
/// calls share the pool, so N files on N cores keep every core busy with one single-threaded engine.
/// </summary>
public sealed class OcrEngine : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<OcrWorker> _idle = [];
    private readonly ConcurrentBag<OcrWorker> _all = [];
    private int _disposed;
    private long _doubtedPages;

    public OcrEngineOptions Options { get; }

    /// <summary>Pages so far whose first reading was doubted, so their orientation was checked (see <see cref="PageReader"/>).</summary>
    internal long DoubtedPages => Interlocked.Read(ref _doubtedPages);

    public OcrEngine(OcrEngineOptions? options = null)
    {
        Options = options ?? new OcrEngineOptions();
        if (Options.PoolSize < 1) throw new ArgumentOutOfRangeException(nameof(options), "PoolSize must be at least 1");
        NativeLibraries.LimitOpenMpThreads();
        _ = Leptonica.setMsgSeverity(Leptonica.SeverityNone);
        _slots = new SemaphoreSlim(Options.PoolSize, Options.PoolSize);
        // Fail at construction, not on the first file, when the language data is missing.
        Release(Rent());
    }

    /// <summary>The libtesseract version string, e.g. "5.3.0".</summary>
    public static string TesseractVersion
    {
        get
        {
            NativeLibraries.LimitOpenMpThreads();
            return System.Runtime.InteropServices.Marshal.PtrToStringUTF8(Interop.Tesseract.TessVersion()) ?? "";
        }
    }

    public async Task<OcrDocumentResult> RecognizeFileAsync(string path, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] data;
        try
        {
            data = await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OcrException($"{path}: cannot read file ({e.Message})", path, e);
        }
        return await RecognizeCoreAsync(data, path, path, ct).ConfigureAwait(false);
    }

    /// <summary>Recognizes an in-memory file (image, multi-page TIFF or PDF); <paramref name="sourceName"/> names it in results and errors.</summary>
    public Task<OcrDocumentResult> RecognizeBytesAsync(byte[] data, string sourceName, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        return RecognizeCoreAsync(data, sourceName, null, ct);
    }

    public async Task<OcrDocumentResult> RecognizeStreamAsync(Stream stream, string sourceName, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct).ConfigureAwait(false);
        return await RecognizeCoreAsync(buffer.ToArray(), sourceName, null, ct).ConfigureAwait(false);
    }

    private async Task<OcrDocumentResult> RecognizeCoreAsync(byte[] data, string name, string? path, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (data.Length == 0) throw new OcrException($"{name}: file is empty (0 bytes)", name);
        if (PdfSource.IsPdf(data)) return await RecognizePdfAsync(data, name, path, ct).ConfigureAwait(false);
        var pages = await RecognizeImageAsync(data, name, ct).ConfigureAwait(false);
        return new OcrDocumentResult(name, pages, UsedPdfTextLayer: false);
    }

    private async Task<IReadOnlyList<OcrPageResult>> RecognizeImageAsync(byte[] data, string name, CancellationToken ct, int firstPageNumber = 1)
    {
        var pages = new ImagePages(data, name, Options.MaxPixelsPerPage);
        var tasks = new List<Task<OcrPageResult>>(pages.Count);
        try
        {
            for (var i = 0; i < pages.Count; i++)
            {
                // Taking the slot before decoding bounds the decoded pages in memory to the pool size.
                await _slots.WaitAsync(ct).ConfigureAwait(false);
                PixHandle pix;
                try
                {
                    pix = pages.DecodeNext();
                }
                catch
                {
                    _slots.Release();
                    throw;
                }
                var pageNumber = firstPageNumber + i;
                tasks.Add(Task.Run(() => RecognizeOnWorker(pix, pageNumber), CancellationToken.None));
            }
        }
        finally
        {
            // Never leave page tasks running against a caller that already got an exception.
            await Task.WhenAll(tasks.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
        }
        return tasks.Select(t => t.Result).ToList();
    }

    /// <summary>Runs with a slot already taken; always gives the slot back.</summary>
    private OcrPageResult RecognizeOnWorker(PixHandle raw, int pageNumber)
    {
        OcrWorker? worker = null;
        try
        {
            worker = Rent();
            var (page, doubted) = PageReader.Read(raw, pageNumber, worker, Options);
            if (doubted) Interlocked.Increment(ref _doubtedPages);
            return page;
        }
        finally
        {
            raw.Dispose();
            if (worker is not null) _idle.Add(worker);
            _slots.Release();
        }
    }

    private async Task<OcrDocumentResult> RecognizePdfAsync(byte[] data, string name, string? path, CancellationToken ct)
    {
        var temp = Directory.CreateTempSubdirectory("datahub-ocr-");
        try
        {
            if (path is null)
            {
                path = Path.Combine(temp.FullName, "input.pdf");
                await File.WriteAllBytesAsync(path, data, ct).ConfigureAwait(false);
            }
            var layer = await PdfSource.ReadTextLayerAsync(path, name, Options, ct).ConfigureAwait(false);
            if (layer is not null)
            {
                var textPages = layer.Select((t, i) => new OcrPageResult(i + 1, t, 100f, 0, 0f, [])).ToList();
                return new OcrDocumentResult(name, textPages, UsedPdfTextLayer: true);
            }
            var files = await PdfSource.RasterizeAsync(path, name, temp.FullName, Options, ct).ConfigureAwait(false);
            // Bounded to the pool: a 500-page PDF must not pull 500 rendered pages into memory at once.
            var pages = new IReadOnlyList<OcrPageResult>[files.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, files.Count), new ParallelOptions { MaxDegreeOfParallelism = Options.PoolSize, CancellationToken = ct }, async (i, token) =>
            {
                var bytes = await File.ReadAllBytesAsync(files[i], token).ConfigureAwait(false);
                pages[i] = await RecognizeImageAsync(bytes, $"{name} page {i + 1}", token, i + 1).ConfigureAwait(false);
            }).ConfigureAwait(false);
            return new OcrDocumentResult(name, pages.SelectMany(p => p).ToList(), UsedPdfTextLayer: false);
        }
        finally
        {
            try { temp.Delete(recursive: true); } catch (IOException) { }
        }
    }

    private OcrWorker Rent()
    {
        if (_idle.TryTake(out var w)) return w;
        w = new OcrWorker(Options);
        _all.Add(w);
        return w;
    }

    private void Release(OcrWorker w) => _idle.Add(w);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        foreach (var w in _all) w.Dispose();
        _slots.Dispose();
    }
}
