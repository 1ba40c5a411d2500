using System.Runtime.InteropServices;

namespace DataHub.Ocr.Interop;

/// <summary>A char* that Tesseract allocated (new[]) and only TessDeleteText may free.</summary>
internal sealed class TessTextHandle : SafeHandle
{
    public TessTextHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    public override bool IsInvalid => handle == IntPtr.Zero;

    public string Read() => IsInvalid ? "" : Marshal.PtrToStringUTF8(handle) ?? "";

    protected override bool ReleaseHandle()
    {
        Tesseract.TessDeleteText(handle);
        return true;
    }
}
