using System.Runtime.InteropServices;

namespace DataHub.Ocr.Interop;

/// <summary>Owns one Leptonica PIX reference; pixDestroy drops the reference count deterministically.</summary>
internal sealed class PixHandle : SafeHandle
{
    public PixHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    public override bool IsInvalid => handle == IntPtr.Zero;

    internal IntPtr DangerousPointer => handle;

    protected override bool ReleaseHandle()
    {
        var p = handle;
        Leptonica.pixDestroy(ref p);
        return true;
    }
}
