using System.Runtime.InteropServices;

namespace DataHub.Ocr.Interop;

/// <summary>Owns one TessBaseAPI (a loaded model, tens of MB): End then Delete on release.</summary>
internal sealed class TessBaseApiHandle : SafeHandle
{
    public TessBaseApiHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        Tesseract.TessBaseAPIEnd(handle);
        Tesseract.TessBaseAPIDelete(handle);
        return true;
    }
}
