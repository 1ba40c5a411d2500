using System.Runtime.InteropServices;
using DataHub.Ocr.Interop;
using DataHub.Ocr.Tests.Support;

namespace DataHub.Ocr.Tests;

[Collection(OcrCollection.Name)]
public sealed class NativeResourceTests(OcrFixture fixture) : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void OpenMp_thread_limit_is_in_the_native_environment()
    {
        // getenv reads what libgomp read at load time; Environment.GetEnvironmentVariable would not tell.
        _ = fixture.Engine;
        Assert.Equal("1", Marshal.PtrToStringUTF8(Libc.getenv("OMP_THREAD_LIMIT")));
        Assert.StartsWith("5.", OcrEngine.TesseractVersion);
    }

    [Fact]
    public async Task Hundreds_of_recognitions_do_not_grow_native_memory_without_bound()
    {
        var path = _dir.File("line.png");
        Tools.Run("text2image", "--text", WriteText(), "--outputbase", _dir.File("line"), "--font", "Noto Serif",
            "--fonts_dir", "/usr/share/fonts", "--xsize", "1200", "--ysize", "200", "--margin", "40",
            "--degrade_image=false", "--rotate_image=false");
        Tools.Run("convert", _dir.File("line.tif"), "-colorspace", "Gray", path);
        var bytes = await File.ReadAllBytesAsync(path);

        async Task Batch(int n)
        {
            for (var i = 0; i < n; i += 4)
            {
                var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => fixture.Engine.RecognizeBytesAsync(bytes, "line.png")));
                Assert.All(results, r => Assert.Contains("Quảng Nam", r.Text));
            }
        }

        await Batch(40); // warm-up: engines, OSD models, allocator arenas
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = RssKb();
        await Batch(300);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var growthMb = (RssKb() - before) / 1024.0;
        // Leaking one page image (≈1 MB) or one result per call would add ≥ 300 MB; allow allocator noise.
        Assert.True(growthMb < 60, $"RSS grew {growthMb:0.0} MB over 300 recognitions");
    }

    private string WriteText()
    {
        var p = _dir.File("line.txt");
        File.WriteAllText(p, "Ủy ban nhân dân tỉnh Quảng Nam\n");
        return p;
    }

    private static long RssKb()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
