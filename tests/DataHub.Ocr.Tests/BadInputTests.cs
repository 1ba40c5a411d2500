using System.Buffers.Binary;
using System.IO.Compression;
using DataHub.Ocr.Tests.Support;

namespace DataHub.Ocr.Tests;

/// <summary>Every unreadable input ends in one OcrException with a one-line message naming the file.</summary>
[Collection(OcrCollection.Name)]
public sealed class BadInputTests(OcrFixture fixture) : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task<OcrException> Refused(string path)
    {
        var e = await Assert.ThrowsAsync<OcrException>(() => fixture.Engine.RecognizeFileAsync(path));
        Assert.DoesNotContain('\n', e.Message);
        Assert.Contains(Path.GetFileName(path), e.Message);
        return e;
    }

    private string CleanPage => fixture.Corpus.First(c => c.Page.PageClass == Corpus.OcrCorpus.Clean).Page.ImagePath;

    [Fact]
    public async Task Zero_byte_file_is_refused_as_empty()
    {
        var path = _dir.File("empty.tif");
        File.WriteAllBytes(path, []);
        Assert.Contains("empty", (await Refused(path)).Message);
    }

    [Fact]
    public async Task Truncated_jpeg_is_refused_instead_of_read_with_a_gray_tail()
    {
        var jpg = _dir.File("full.jpg");
        Tools.Run("convert", CleanPage, "-quality", "80", jpg);
        var bytes = File.ReadAllBytes(jpg);
        var path = _dir.File("truncated.jpg");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        Assert.Contains("truncated or corrupt", (await Refused(path)).Message);
    }

    [Fact]
    public async Task Truncated_png_is_refused()
    {
        var png = _dir.File("full.png");
        Tools.Run("convert", CleanPage, png);
        var bytes = File.ReadAllBytes(png);
        var path = _dir.File("truncated.png");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        Assert.Contains("truncated or corrupt", (await Refused(path)).Message);
    }

    [Fact]
    public async Task Truncated_tiff_is_refused()
    {
        var bytes = File.ReadAllBytes(CleanPage);
        var path = _dir.File("truncated.tif");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 3)]);
        await Refused(path);
    }

    [Fact]
    public async Task Text_file_with_an_image_extension_is_not_an_image()
    {
        var path = _dir.File("notes.png");
        File.WriteAllText(path, "Hộp số 5: thiếu trang 3, đã báo tổ số hóa.\n");
        Assert.Contains("not a readable image", (await Refused(path)).Message);
    }

    [Fact]
    public async Task Missing_file_is_reported_not_thrown_raw()
    {
        var e = await Assert.ThrowsAsync<OcrException>(() => fixture.Engine.RecognizeFileAsync(_dir.File("nope.png")));
        Assert.Contains("cannot read file", e.Message);
    }

    [Fact]
    public async Task Decompression_bomb_png_is_refused_from_its_header()
    {
        // A real, tiny PNG whose header claims 60000 x 60000 pixels (3.6 gigapixels): decoding it would
        // allocate gigabytes, so it must be refused before decoding.
        var path = _dir.File("bomb.png");
        File.WriteAllBytes(path, PngWithClaimedSize(60000, 60000));
        var e = await Refused(path);
        Assert.Contains("60000x60000", e.Message);
        Assert.Contains("megapixels", e.Message);
    }

    [Fact]
    public async Task Pixel_limit_is_configurable_and_applies_to_every_page_of_a_tiff()
    {
        using var strict = new OcrEngine(new OcrEngineOptions { PoolSize = 1, MaxPixelsPerPage = 2_000_000 });
        var small = _dir.File("small.png");
        Tools.Run("convert", "-size", "1000x1000", "xc:white", small);
        var big = _dir.File("big.png");
        Tools.Run("convert", "-size", "2000x2000", "xc:white", big);
        var tiff = _dir.File("two-pages.tif");
        Tools.Run("convert", small, big, "-compress", "lzw", tiff);
        var e = await Assert.ThrowsAsync<OcrException>(() => strict.RecognizeFileAsync(tiff));
        Assert.Contains("page 2 is 2000x2000", e.Message);
    }

    [Fact]
    public async Task Password_protected_pdf_is_refused_with_a_clear_reason()
    {
        var jpg = _dir.File("page.jpg");
        Tools.Run("convert", CleanPage, "-colorspace", "Gray", "-quality", "70", jpg);
        var path = _dir.File("locked.pdf");
        TestPdf.WriteEncrypted(path, jpg);
        Assert.Contains("password-protected", (await Refused(path)).Message);
    }

    [Fact]
    public async Task Garbage_after_a_pdf_signature_is_reported_as_unreadable_pdf()
    {
        var path = _dir.File("broken.pdf");
        File.WriteAllText(path, "%PDF-1.4\nthis is not really a pdf\n");
        Assert.Contains("PDF", (await Refused(path)).Message);
    }

    [Fact]
    public async Task Bytes_api_reports_the_given_name()
    {
        var e = await Assert.ThrowsAsync<OcrException>(() => fixture.Engine.RecognizeBytesAsync([1, 2, 3, 4, 5], "upload-17.bin"));
        Assert.Contains("upload-17.bin", e.Message);
    }

    private static byte[] PngWithClaimedSize(int width, int height)
    {
        using var ms = new MemoryStream();
        ms.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 0; // grayscale
        Chunk(ms, "IHDR", ihdr);
        using (var z = new MemoryStream())
        {
            using (var zl = new ZLibStream(z, CompressionLevel.SmallestSize, leaveOpen: true)) zl.Write(new byte[width + 1]);
            Chunk(ms, "IDAT", z.ToArray());
        }
        Chunk(ms, "IEND", []);
        return ms.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        Span<byte> len = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(len, data.Length);
        s.Write(len);
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        s.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(len, Crc32(typed));
        s.Write(len);
    }

    /// <summary>PNG's CRC-32 (System.IO.Hashing is a package, not part of the framework).</summary>
    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
