using System.Runtime.InteropServices;

namespace DataHub.Api.Bench;

/// <summary>
/// A sleep with microsecond resolution (libc <c>usleep</c>): .NET's <c>Thread.Sleep</c> and <c>Task.Delay</c>
/// round to whole milliseconds, too coarse to pace requests 1 ms apart.
/// </summary>
internal static partial class PreciseSleep
{
    public static void For(TimeSpan time)
    {
        var microseconds = (uint)Math.Clamp(time.Ticks / 10, 1, uint.MaxValue);
        if (OperatingSystem.IsWindows()) Thread.Sleep(time);
        else _ = Usleep(microseconds);
    }

    [LibraryImport("libc", EntryPoint = "usleep")]
    private static partial int Usleep(uint microseconds);
}
