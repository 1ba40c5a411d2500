using DataHub.Ocr.Interop;

namespace DataHub.Ocr;

/// <summary>
/// The pages of one image file held in memory. The constructor checks every page's size from the
/// headers (decompression-bomb guard) before a single pixel is decoded; <see cref="DecodeNext"/> then
/// decodes pages one at a time, in order, so a long multi-page TIFF is never all in memory at once.
/// </summary>
internal sealed unsafe class ImagePages
{
    private readonly byte[] _data;
    private readonly string _name;
    private readonly bool _tiff;
    private nuint _tiffOffset;
    private int _decoded;

    public int Count { get; }

    public ImagePages(byte[] data, string name, long maxPixels)
    {
        _data = data;
        _name = name;
        if (data.Length == 0) throw new OcrException($"{name}: file is empty (0 bytes)", name);
        _tiff = TiffDirectory.IsTiff(data);
        List<(long Width, long Height)> sizes;
        if (_tiff)
        {
            sizes = TiffDirectory.ReadPageSizes(data)
                ?? throw new OcrException($"{name}: TIFF structure is truncated or corrupt", name);
        }
        else
        {
            int ok, w, h;
            fixed (byte* p = data) ok = Leptonica.pixReadHeaderMem(p, (nuint)data.Length, out _, out w, out h, out _, out _, out _);
            if (ok != 0 || w <= 0 || h <= 0)
            {
                throw new OcrException($"{name}: not a readable image (unknown format or corrupt header)", name);
            }
            sizes = [(w, h)];
            // libjpeg prints "Premature end of JPEG file" to stderr before Leptonica refuses the data;
            // a JPEG without its end-of-image marker is refused here, quietly and with a clear message.
            if (data[0] == 0xFF && data[1] == 0xD8 && !EndsWithJpegEoi(data))
            {
                throw new OcrException($"{name}: image data is truncated or corrupt (JPEG has no end marker)", name);
            }
        }
        for (var i = 0; i < sizes.Count; i++)
        {
            var (w, h) = sizes[i];
            if (w * h > maxPixels)
            {
                throw new OcrException(
                    $"{name}: page {i + 1} is {w}x{h} = {w * h / 1e6:0.#} megapixels, above the limit of {maxPixels / 1e6:0.#}; refused before decoding (possible decompression bomb)",
                    name);
            }
        }
        Count = sizes.Count;
    }

    public PixHandle DecodeNext()
    {
        if (_decoded >= Count) throw new InvalidOperationException("all pages were decoded");
        var page = ++_decoded;
        PixHandle pix;
        fixed (byte* p = _data)
        {
            if (_tiff)
            {
                pix = Leptonica.pixReadMemFromMultipageTiff(p, (nuint)_data.Length, ref _tiffOffset);
            }
            else if (_data.Length > 2 && _data[0] == 0xFF && _data[1] == 0xD8)
            {
                pix = Leptonica.pixReadMemJpeg(p, (nuint)_data.Length, 0, 1, out _, Leptonica.JpegFailOnBadData);
            }
            else
            {
                pix = Leptonica.pixReadMem(p, (nuint)_data.Length);
            }
        }
        if (pix.IsInvalid)
        {
            pix.Dispose();
            var where = Count > 1 ? $" (page {page})" : "";
            throw new OcrException($"{_name}: image data is truncated or corrupt{where}", _name);
        }
        return pix;
    }

    /// <summary>EOI (FF D9) within the last bytes: scanners may pad a few bytes after it.</summary>
    private static bool EndsWithJpegEoi(byte[] data)
    {
        for (var i = data.Length - 2; i >= Math.Max(0, data.Length - 1024); i--)
        {
            if (data[i] == 0xFF && data[i + 1] == 0xD9) return true;
        }
        return false;
    }
}
