using System.Runtime.InteropServices;

namespace DataHub.Api.Bench;

/// <summary>
/// A sleep with microsecond resolution (libc <c>usleep</c>): .NET's <c>Thread.Sleep</c> and <c>Task.Delay</c>
/// round to whole milliseconds, too coarse to pace requests 1 ms apart. May return early (a signal) and
/// sleeps at most just under a second (POSIX's limit for <c>usleep</c>): callers loop until their time.
/// </summary>
internal static partial class PreciseSleep
{
    public static void For(TimeSpan time)
    {
        if (OperatingSystem.IsWindows()) Thread.Sleep(time);
        else _ = Usleep((uint)Math.Clamp(time.Ticks / 10, 1, 999_999));
    }

    [LibraryImport("libc", EntryPoint = "usleep")]
    private static partial int Usleep(uint microseconds);
}
