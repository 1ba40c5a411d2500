using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DataHub.Ocr.Interop;

/// <summary>
/// Resolves libtesseract/liblept for this assembly. The resolver runs before the first P/Invoke into
/// either library is bound, which is the only moment OMP_THREAD_LIMIT can still take effect:
/// libgomp (pulled in by libtesseract) reads it once, in its load-time constructor. Our parallelism is
/// the engine pool (one engine per core); OpenMP threads on top of it oversubscribe the cores and were
/// measured about 5x slower here. .NET's Environment.SetEnvironmentVariable does not reach the native
/// environment on Linux, so libc setenv is called directly.
/// </summary>
internal static class NativeLibraries
{
    internal const string Tesseract = "libtesseract.so.5";
    internal const string Leptonica = "liblept.so.5";

    private static int _ompLimited;

#pragma warning disable CA2255 // a module initializer is the one hook that runs before any P/Invoke in this assembly
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() =>
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraries).Assembly, Resolve);

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name is Tesseract or Leptonica)
        {
            LimitOpenMpThreads();
            return NativeLibrary.Load(name, assembly, searchPath);
        }
        return IntPtr.Zero;
    }

    internal static void LimitOpenMpThreads()
    {
        if (Interlocked.Exchange(ref _ompLimited, 1) == 0 && OperatingSystem.IsLinux())
        {
            _ = Libc.setenv("OMP_THREAD_LIMIT", "1", 1);
        }
    }
}
