using System.Runtime.InteropServices;

namespace DataHub.Ocr.Interop;

/// <summary>The subset of the Leptonica 1.82 C API that page preparation uses.</summary>
internal static unsafe partial class Leptonica
{
    private const string Lib = NativeLibraries.Leptonica;

    /// <summary>L_SEVERITY_NONE: Leptonica otherwise prints every refused file to stderr.</summary>
    internal const int SeverityNone = 6;

    [LibraryImport(Lib)] internal static partial int setMsgSeverity(int newsev);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int pixReadHeader(string filename, out int format, out int w, out int h, out int bps, out int spp, out int iscmap);

    [LibraryImport(Lib)]
    internal static partial int pixReadHeaderMem(byte* data, nuint size, out int format, out int w, out int h, out int bps, out int spp, out int iscmap);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial PixHandle pixRead(string filename);

    [LibraryImport(Lib)] internal static partial PixHandle pixReadMem(byte* data, nuint size);

    [LibraryImport(Lib)] internal static partial PixHandle pixReadMemFromMultipageTiff(byte* data, nuint size, ref nuint offset);

    /// <summary>
    /// No hint flags: since Leptonica 1.79 hint 2 means L_JPEG_CONTINUE_WITH_BAD_DATA (measured with 1.82:
    /// hint 2 returns a truncated JPEG with a gray tail, hint 0 refuses it), and a half page must be an error.
    /// </summary>
    internal const int JpegFailOnBadData = 0;

    [LibraryImport(Lib)] internal static partial PixHandle pixReadMemJpeg(byte* data, nuint size, int cmflag, int reduction, out int nwarn, int hint);

    [LibraryImport(Lib)] internal static partial void pixDestroy(ref IntPtr pix);

    [LibraryImport(Lib)] internal static partial int pixGetWidth(PixHandle pix);
    [LibraryImport(Lib)] internal static partial int pixGetHeight(PixHandle pix);
    [LibraryImport(Lib)] internal static partial int pixGetDepth(PixHandle pix);
    [LibraryImport(Lib)] internal static partial int pixGetXRes(PixHandle pix);
    [LibraryImport(Lib)] internal static partial int pixGetYRes(PixHandle pix);
    [LibraryImport(Lib)] internal static partial int pixSetResolution(PixHandle pix, int xres, int yres);

    /// <summary>A new reference to the same pixels (reference count + 1); each reference is destroyed on its own.</summary>
    [LibraryImport(Lib)] internal static partial PixHandle pixClone(PixHandle pix);

    [LibraryImport(Lib)] internal static partial PixHandle pixConvertTo8(PixHandle pix, int cmapflag);
    [LibraryImport(Lib)] internal static partial PixHandle pixRotateOrth(PixHandle pix, int quads);
    [LibraryImport(Lib)] internal static partial PixHandle pixScale(PixHandle pix, float scalex, float scaley);

    [LibraryImport(Lib)]
    internal static partial PixHandle pixDeskewGeneral(PixHandle pix, int redsweep, float sweeprange, float sweepdelta, int redsearch, int thresh, out float angle, out float conf);

    [LibraryImport(Lib)] internal static partial PixHandle pixBackgroundNormSimple(PixHandle pix, IntPtr pixim, IntPtr pixg);

    [LibraryImport(Lib)]
    internal static partial int pixSauvolaBinarizeTiled(PixHandle pix, int whsize, float factor, int nx, int ny, IntPtr ppixth, out PixHandle ppixd);

    [LibraryImport(Lib)] internal static partial PixHandle pixConvertTo1(PixHandle pix, int threshold);

    /// <summary>
    /// Leptonica 1.82's signature (older releases had four arguments and a separate ...General variant):
    /// conf is the normalized difference of ascender and descender counts of a 1-bpp, deskewed page;
    /// positive means right side up, 0 means too few counts to say.
    /// </summary>
    [LibraryImport(Lib)] internal static partial int pixUpDownDetect(PixHandle pix, out float conf, int mincount, int npixels, int debug);

    [LibraryImport(Lib)] internal static partial PixHandle pixThresholdToBinary(PixHandle pix, int thresh);

    /// <summary>Histogram of an 8-bpp image from every <paramref name="factor"/>-th pixel of every factor-th row.</summary>
    [LibraryImport(Lib)] internal static partial NumaHandle pixGetGrayHistogram(PixHandle pix, int factor);

    [LibraryImport(Lib)] internal static partial void numaDestroy(ref IntPtr na);

    /// <summary>Otsu's split of a histogram (what pixOtsuAdaptiveThreshold computes per tile); the out-pointers we do not need are null.</summary>
    [LibraryImport(Lib)]
    internal static partial int numaSplitDistribution(NumaHandle na, float scorefract, out int splitindex, IntPtr pave1, IntPtr pave2, IntPtr pnum1, IntPtr pnum2, IntPtr pnascore);

    [LibraryImport(Lib)]
    internal static partial int pixOtsuAdaptiveThreshold(PixHandle pix, int sx, int sy, int smoothx, int smoothy, float scorefract, IntPtr ppixth, out PixHandle ppixd);
}
