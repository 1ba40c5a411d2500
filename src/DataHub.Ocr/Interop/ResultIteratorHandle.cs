using System.Runtime.InteropServices;

namespace DataHub.Ocr.Interop;

/// <summary>Owns a TessResultIterator; it must be deleted before the next Recognize/Clear on its API.</summary>
internal sealed class ResultIteratorHandle : SafeHandle
{
    public ResultIteratorHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        Tesseract.TessResultIteratorDelete(handle);
        return true;
    }
}
