using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace DataHub.Cli.Bench;

/// <summary>
/// Runs a command as a child process and measures its wall time and peak resident memory, so the benchmark's own
/// memory never pollutes the figure. The peak is VmHWM from /proc, sampled every 50 ms, and — where the kernel can
/// tell — the exact one: the largest peak of any child reaped so far (<c>getrusage(RUSAGE_CHILDREN)</c>) moves only
/// when this child's peak passed all before it, and then it is this child's. Sampling alone missed what happens in a
/// child's last 50 ms: a million-record sync measured 282–287 MiB so, 314–327 MiB by <c>/usr/bin/time</c>
/// (bench/RESULTS.md, fourteenth session).
/// </summary>
internal static partial class ChildProcessMeter
{
    public sealed record Measurement(TimeSpan Elapsed, long PeakRssBytes, int ExitCode, string Stdout, string Stderr);

    public static async Task<Measurement> RunAsync(string file, IEnumerable<string> args, IDictionary<string, string> environment, CancellationToken ct)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in environment) info.Environment[k] = v;
        var reapedBefore = ReapedChildrenPeak();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, ReadHighWaterMark(process.Id));
            await Task.Delay(50, ct);
        }
        await process.WaitForExitAsync(ct);
        clock.Stop();
        if (ReapedChildrenPeak() is var reapedAfter && reapedAfter > reapedBefore) peak = Math.Max(peak, reapedAfter);
        return new Measurement(clock.Elapsed, peak, process.ExitCode, await stdout, await stderr);
    }

    private static long ReadHighWaterMark(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
                var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return 0;
    }

    // struct rusage: two struct timevals (user, system time), then ru_maxrss in KiB (Linux, 64-bit).
    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        public long MaxRssKiB;
        // The other 13 fields of struct rusage, read by the kernel's copy and ignored here.
        public long F1, F2, F3, F4, F5, F6, F7, F8, F9, F10, F11, F12, F13;
    }

    private const int RUsageChildren = -1;

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetResourceUsage(int who, out ResourceUsage usage);

    /// <summary>The largest peak resident memory of any child reaped so far, in bytes; 0 where unknown.</summary>
    private static long ReapedChildrenPeak()
    {
        if (!OperatingSystem.IsLinux()) return 0;
        try
        {
            return GetResourceUsage(RUsageChildren, out var usage) == 0 ? usage.MaxRssKiB * 1024 : 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return 0;
        }
    }
}
