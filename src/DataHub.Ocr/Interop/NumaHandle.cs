namespace DataHub.Ocr.Interop;

/// <summary>Owns one Leptonica NUMA (an array of numbers, e.g. a histogram); numaDestroy frees it.</summary>
internal sealed class NumaHandle : System.Runtime.InteropServices.SafeHandle
{
    public NumaHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        var p = handle;
        Leptonica.numaDestroy(ref p);
        return true;
    }
}
