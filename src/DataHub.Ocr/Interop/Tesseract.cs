using System.Runtime.InteropServices;

namespace DataHub.Ocr.Interop;

/// <summary>The subset of the Tesseract 5 C API (capi.h) the engine uses.</summary>
internal static unsafe partial class Tesseract
{
    private const string Lib = NativeLibraries.Tesseract;

    internal const int LevelTextLine = 2;
    internal const int LevelWord = 3;

    [LibraryImport(Lib)] internal static partial IntPtr TessVersion();

    [LibraryImport(Lib)] internal static partial TessBaseApiHandle TessBaseAPICreate();
    [LibraryImport(Lib)] internal static partial void TessBaseAPIEnd(IntPtr handle);
    [LibraryImport(Lib)] internal static partial void TessBaseAPIDelete(IntPtr handle);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int TessBaseAPIInit2(TessBaseApiHandle handle, string? datapath, string language, int oem);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int TessBaseAPISetVariable(TessBaseApiHandle handle, string name, string value);

    [LibraryImport(Lib)] internal static partial void TessBaseAPISetPageSegMode(TessBaseApiHandle handle, int mode);
    [LibraryImport(Lib)] internal static partial void TessBaseAPISetImage2(TessBaseApiHandle handle, PixHandle pix);
    [LibraryImport(Lib)] internal static partial void TessBaseAPISetSourceResolution(TessBaseApiHandle handle, int ppi);
    [LibraryImport(Lib)] internal static partial int TessBaseAPIRecognize(TessBaseApiHandle handle, IntPtr monitor);
    [LibraryImport(Lib)] internal static partial TessTextHandle TessBaseAPIGetUTF8Text(TessBaseApiHandle handle);
    [LibraryImport(Lib)] internal static partial int TessBaseAPIMeanTextConf(TessBaseApiHandle handle);
    [LibraryImport(Lib)] internal static partial void TessBaseAPIClear(TessBaseApiHandle handle);

    [LibraryImport(Lib)]
    internal static partial int TessBaseAPIDetectOrientationScript(TessBaseApiHandle handle, out int orientDeg, out float orientConf, out IntPtr scriptName, out float scriptConf);

    [LibraryImport(Lib)] internal static partial void TessDeleteText(IntPtr text);

    [LibraryImport(Lib)] internal static partial ResultIteratorHandle TessBaseAPIGetIterator(TessBaseApiHandle handle);
    [LibraryImport(Lib)] internal static partial void TessResultIteratorDelete(IntPtr iterator);
    [LibraryImport(Lib)] internal static partial int TessResultIteratorNext(ResultIteratorHandle iterator, int level);
    [LibraryImport(Lib)] internal static partial TessTextHandle TessResultIteratorGetUTF8Text(ResultIteratorHandle iterator, int level);
    [LibraryImport(Lib)] internal static partial float TessResultIteratorConfidence(ResultIteratorHandle iterator, int level);

    /// <summary>Borrowed pointer: owned by the result iterator, never deleted on its own.</summary>
    [LibraryImport(Lib)] internal static partial IntPtr TessResultIteratorGetPageIteratorConst(ResultIteratorHandle iterator);

    [LibraryImport(Lib)] internal static partial int TessPageIteratorIsAtBeginningOf(IntPtr pageIterator, int level);

    [LibraryImport(Lib)]
    internal static partial int TessPageIteratorBoundingBox(IntPtr pageIterator, int level, out int left, out int top, out int right, out int bottom);
}
