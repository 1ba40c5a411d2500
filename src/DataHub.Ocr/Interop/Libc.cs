using System.Runtime.InteropServices;

namespace DataHub.Ocr.Interop;

internal static partial class Libc
{
    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int setenv(string name, string value, int overwrite);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr getenv(string name);

    internal const int RusageSelf = 0;
    internal const int RusageChildren = -1;

    /// <summary>struct rusage on 64-bit Linux: two timevals then 14 longs (144 bytes).</summary>
    [LibraryImport("libc")]
    internal static unsafe partial int getrusage(int who, long* usage);

    /// <summary>User + system CPU seconds of this process or of its reaped children.</summary>
    internal static unsafe double CpuSeconds(int who)
    {
        var u = stackalloc long[18];
        if (!OperatingSystem.IsLinux() || getrusage(who, u) != 0) return 0;
        return u[0] + u[1] / 1e6 + u[2] + u[3] / 1e6;
    }
}
